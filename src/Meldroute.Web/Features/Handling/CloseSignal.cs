using System.Security.Claims;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Handling;

public sealed class CloseSignalRequest : IVersionedRequest
{
    public Guid? Version { get; set; }

    /// <summary>Required when closing without action (from InAnalysis or Decided).</summary>
    public string? Reason { get; set; }
}

/// <summary>What closing a signal will do, for the confirmation the page asks first (issue 16).</summary>
/// <param name="To">Its status afterwards.</param>
/// <param name="ReporterSees">The general status the reporter sees afterwards.</param>
/// <param name="Feedback">The general message the reporter already has, or null (it is chosen after closing).</param>
/// <param name="PurgeDueAt">When its personal data will be deleted under the retention rules, or null when no term applies.</param>
/// <param name="PurgedAt">When its personal data was deleted already (on forwarding), or null.</param>
public sealed record SignalClosing(SignalStatus To, ReporterStatus ReporterSees, FeedbackMessage? Feedback, DateTimeOffset? PurgeDueAt, DateTimeOffset? PurgedAt);

/// <summary>
/// CloseSignal: a forwarded signal is closed; a signal in analysis or decided without anything to forward is closed
/// without action, with a reason. Its personal data is then kept only for the retention term of issue 4's rule.
/// </summary>
public static class CloseSignal
{
    public static Task<Outcome<SignalChanged>> HandleAsync(SignalChanges c, ClaimsPrincipal user, Guid signalId, CloseSignalRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(user, signalId, r.Version, "signal.closed", signal =>
        {
            var to = Target(signal.Status);
            var refused = Check(signal.Status, r, c.T) ?? c.Move(signal, to, TextRules.Clean(r.Reason));
            if (refused is null && to == SignalStatus.ClosedWithoutAction)
            {
                signal.ClosureCode = "without-action";
            }

            return Task.FromResult(refused);
        }, cancellationToken);

    /// <summary>Closing a forwarded signal closes it; anything else is closed without action.</summary>
    public static SignalStatus Target(SignalStatus from) => from == SignalStatus.Forwarded ? SignalStatus.Closed : SignalStatus.ClosedWithoutAction;

    /// <summary>
    /// What <see cref="HandleAsync"/> refuses for a signal in <paramref name="from"/>, without changing anything: the
    /// reason's text rules and the state machine. The page asks for confirmation only when this passes.
    /// </summary>
    public static Outcome<SignalChanged>? Check(SignalStatus from, CloseSignalRequest r, IStringLocalizer t)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TextRules.Check(errors, nameof(r.Reason), r.Reason, SubmitLimits.ReasonMax, t);
        if (errors.Count > 0)
        {
            return Outcome<SignalChanged>.Invalid(errors);
        }

        var to = Target(from);
        var check = SignalStateMachine.Check(from, to, TextRules.Clean(r.Reason));
        return check.IsAllowed ? null : SignalChanges.Refused(check, from, to, t);
    }

    /// <summary>What closing a signal in <paramref name="from"/> at <paramref name="now"/> would do: its new status, what the reporter sees, when its personal data goes.</summary>
    /// <param name="feedback">The general message the reporter already has.</param>
    /// <param name="purgedAt">When its personal data was deleted (on forwarding), or null while it is there.</param>
    public static SignalClosing Preview(SignalStatus from, FeedbackMessage? feedback, DateTimeOffset? purgedAt, DateTimeOffset now, RetentionOptions retention)
    {
        var to = Target(from);
        return new SignalClosing(to, SignalStateMachine.ForReporter(to), feedback, RetentionRules.PurgeDueAt(to, now, purgedAt is not null, retention), purgedAt);
    }
}
