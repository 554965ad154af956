using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;

namespace Meldroute.Web.Features.Handling;

public sealed class CloseSignalRequest : IVersionedRequest
{
    public Guid? Version { get; set; }

    /// <summary>Required when closing without action (from InAnalysis or Decided).</summary>
    public string? Reason { get; set; }
}

/// <summary>
/// CloseSignal: a forwarded signal is closed; a signal in analysis or decided without anything to forward is closed
/// without action, with a reason. Its personal data is then kept only for the retention term of issue 4's rule.
/// </summary>
public static class CloseSignal
{
    public static Task<Outcome<SignalChanged>> HandleAsync(SignalChanges c, ClaimsPrincipal user, Guid signalId, CloseSignalRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(user, signalId, r.Version, "signal.closed", signal =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            TextRules.Check(errors, nameof(r.Reason), r.Reason, SubmitLimits.ReasonMax, c.T);
            if (errors.Count > 0)
            {
                return Task.FromResult<Outcome<SignalChanged>?>(Outcome<SignalChanged>.Invalid(errors));
            }

            var to = signal.Status == SignalStatus.Forwarded ? SignalStatus.Closed : SignalStatus.ClosedWithoutAction;
            var refused = c.Move(signal, to, TextRules.Clean(r.Reason));
            if (refused is null && to == SignalStatus.ClosedWithoutAction)
            {
                signal.ClosureCode = "without-action";
            }

            return Task.FromResult(refused);
        }, cancellationToken);
}
