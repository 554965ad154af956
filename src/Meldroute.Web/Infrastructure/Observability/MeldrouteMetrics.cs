using System.Diagnostics.Metrics;
using Meldroute.Web.Features.Signals;

namespace Meldroute.Web.Infrastructure.Observability;

/// <summary>
/// The meter "Meldroute": counts of what the municipality's IT department watches. Tags are fixed codes only
/// (source, form category, rule, reason, job), never an id, a name or anything a user typed. Process-wide like an
/// ActivitySource, because the use cases are static methods; without a listener (OpenTelemetry off) an Add costs
/// next to nothing.
/// </summary>
public static class MeldrouteMetrics
{
    public const string MeterName = "Meldroute";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> SignalsReceived = Meter.CreateCounter<long>(
        "meldroute.signals.received", "{signal}", "Signals stored by the intake, by source and form category.");

    private static readonly Counter<long> SignalsForwarded = Meter.CreateCounter<long>(
        "meldroute.signals.forwarded", "{signal}", "Signals whose every route was confirmed as handed over.");

    private static readonly Counter<long> SignalsPurged = Meter.CreateCounter<long>(
        "meldroute.signals.purged", "{signal}", "Signals whose personal data was deleted for good, by rule.");

    private static readonly Counter<long> VictimDossiersPurged = Meter.CreateCounter<long>(
        "meldroute.victim_dossiers.purged", "{dossier}", "Closed victim dossiers whose content was deleted after their term.");

    private static readonly Counter<long> SignInFailures = Meter.CreateCounter<long>(
        "meldroute.signin.failures", "{attempt}", "Failed sign-in steps, by method and reason code.");

    private static readonly Counter<long> JobRuns = Meter.CreateCounter<long>(
        "meldroute.job.runs", "{run}", "Background job runs, by job and outcome.");

    public static void SignalReceived(SignalSource source, ExploitationForms forms) =>
        SignalsReceived.Add(1, new("meldroute.signal.source", source.ToString()), new("meldroute.signal.forms", FormCategory(forms)));

    public static void SignalForwarded() => SignalsForwarded.Add(1);

    public static void SignalPurged(string rule) => SignalsPurged.Add(1, new KeyValuePair<string, object?>("meldroute.purge.rule", rule));

    public static void VictimDossierPurged() => VictimDossiersPurged.Add(1);

    /// <param name="method">password, authenticator, recovery-code, oidc</param>
    /// <param name="reason">the audit log's reason code (unknown-account, wrong-credentials, locked-out, …)</param>
    public static void SignInFailed(string method, string reason) =>
        SignInFailures.Add(1, new("meldroute.signin.method", method), new("meldroute.signin.reason", reason));

    public static void JobRan(string job, string outcome) =>
        JobRuns.Add(1, new("meldroute.job.name", job), new("meldroute.job.outcome", outcome));

    /// <summary>The combination of forms as one low-cardinality value: "Labour+Sexual", "Unknown", "None".</summary>
    public static string FormCategory(ExploitationForms forms) =>
        forms == ExploitationForms.None ? "None" : forms.ToString().Replace(", ", "+", StringComparison.Ordinal);
}

/// <summary>Outcome codes of <see cref="MeldrouteMetrics.JobRan"/>.</summary>
public static class JobOutcome
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>Another instance had already claimed the run.</summary>
    public const string Skipped = "skipped";
}
