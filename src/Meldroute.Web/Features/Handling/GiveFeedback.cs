using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;

namespace Meldroute.Web.Features.Handling;

public sealed class GiveFeedbackRequest : IVersionedRequest
{
    public Guid? Version { get; set; }

    public FeedbackMessage? Message { get; set; }
}

/// <summary>GiveFeedback: one of a few general messages the reporter sees, once the signal is forwarded or closed. Never what was decided.</summary>
public static class GiveFeedback
{
    public static Task<Outcome<SignalChanged>> HandleAsync(SignalChanges c, ClaimsPrincipal user, Guid signalId, GiveFeedbackRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(user, signalId, r.Version, "signal.feedback.given", signal =>
        {
            if (r.Message is null || !Enum.IsDefined(r.Message.Value))
            {
                return Task.FromResult<Outcome<SignalChanged>?>(Outcome<SignalChanged>.Invalid(nameof(r.Message), c.T["Feedback_Required"]));
            }

            if (SignalStateMachine.IsOpen(signal.Status))
            {
                return Task.FromResult<Outcome<SignalChanged>?>(Outcome<SignalChanged>.Conflict(c.T["Feedback_NotYet"]));
            }

            signal.Feedback = r.Message;
            signal.FeedbackAt = c.Now;
            return Task.FromResult<Outcome<SignalChanged>?>(null);
        }, cancellationToken);
}
