using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Handling;

public sealed class RecordAnalysisRequest : IVersionedRequest
{
    /// <summary>The version the officer saw; a newer one means someone else changed the signal meanwhile.</summary>
    public Guid? Version { get; set; }

    public List<ExploitationForms> ClassifiedForms { get; set; } = [];

    public Urgency? Urgency { get; set; }

    public List<string> ConfirmedIndicatorCodes { get; set; } = [];

    /// <summary>Enrichment and analysis notes (personal content, deleted on forwarding).</summary>
    public string? Notes { get; set; }
}

/// <summary>RecordAnalysis: the officer's first analysis (complete, enrich, classify, judge urgency). A new signal moves to InAnalysis.</summary>
public static class RecordAnalysis
{
    public static Task<Outcome<SignalChanged>> HandleAsync(SignalChanges c, ClaimsPrincipal user, Guid signalId, RecordAnalysisRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(user, signalId, r.Version, "signal.analysis.recorded", async signal =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (r.Urgency is null || !Enum.IsDefined(r.Urgency.Value))
            {
                errors[nameof(r.Urgency)] = [c.T["Analysis_UrgencyRequired"]];
            }

            if (r.ClassifiedForms.Count == 0 || r.ClassifiedForms.Any(f => f is not (ExploitationForms.Sexual or ExploitationForms.Labour or ExploitationForms.Criminal or ExploitationForms.Unknown)))
            {
                errors[nameof(r.ClassifiedForms)] = [c.T["Intake_FormsRequired"]];
            }

            var known = await c.Db.Indicators.Select(i => i.Code).ToListAsync(cancellationToken);
            if (r.ConfirmedIndicatorCodes.Any(code => !known.Contains(code.Trim().ToUpperInvariant())))
            {
                errors[nameof(r.ConfirmedIndicatorCodes)] = [c.T["Intake_IndicatorUnknown"]];
            }

            TextRules.Check(errors, nameof(r.Notes), r.Notes, SubmitLimits.NotesMax, c.T);
            if (errors.Count > 0)
            {
                return Outcome<SignalChanged>.Invalid(errors);
            }

            if (signal.Status is not (SignalStatus.Received or SignalStatus.InAnalysis or SignalStatus.OnAgenda))
            {
                return Outcome<SignalChanged>.Conflict(c.T["Analysis_NotNow", c.T["Status_" + signal.Status]]);
            }

            if (signal.Status == SignalStatus.Received && c.Move(signal, SignalStatus.InAnalysis, null) is { } refused)
            {
                return refused;
            }

            signal.ClassifiedForms = ExploitationFormSet.Combine(r.ClassifiedForms);
            signal.Urgency = r.Urgency!.Value;
            signal.ConfirmedIndicatorCodes = Signal.JoinCodes(r.ConfirmedIndicatorCodes);
            signal.AnalysisNotes = TextRules.Clean(r.Notes);
            return null;
        }, cancellationToken);
}
