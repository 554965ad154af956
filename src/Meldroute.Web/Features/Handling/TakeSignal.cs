using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;

namespace Meldroute.Web.Features.Handling;

public sealed class TakeSignalRequest : IVersionedRequest
{
    /// <summary>The version the officer saw; a newer one means someone else changed (or took) the signal meanwhile.</summary>
    public Guid? Version { get; set; }
}

/// <summary>
/// TakeSignal: an officer becomes the signal's behandelaar (handling officer), also when another officer had it, so
/// that work is not left when a colleague is away. Only while the signal is open; audited like every change.
/// </summary>
public static class TakeSignal
{
    public static Task<Outcome<SignalChanged>> HandleAsync(SignalChanges c, ClaimsPrincipal user, Guid signalId, TakeSignalRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(user, signalId, r.Version, "signal.taken", signal =>
        {
            if (!SignalStateMachine.IsOpen(signal.Status))
            {
                return Task.FromResult<Outcome<SignalChanged>?>(Outcome<SignalChanged>.Conflict(c.T["Take_NotOpen", c.T["Status_" + signal.Status]]));
            }

            signal.AssignedOfficerId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            return Task.FromResult<Outcome<SignalChanged>?>(null);
        }, cancellationToken);
}
