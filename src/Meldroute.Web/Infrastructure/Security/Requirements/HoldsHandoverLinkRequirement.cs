using Meldroute.Web.Features.Forwarding;
using Meldroute.Web.Features.Signals;
using Microsoft.AspNetCore.Authorization;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>
/// May the holder of a one-time link (a partner without an account) confirm receipt of this signal's route? Only
/// while the link works (<see cref="HandoverLinks.StateOf"/>) and only for the signal it was issued for.
/// </summary>
public sealed record HoldsHandoverLinkRequirement(HandoverLink Link, DecisionRoute Route) : IAuthorizationRequirement;

internal sealed class HoldsHandoverLinkHandler(TimeProvider clock) : AuthorizationHandler<HoldsHandoverLinkRequirement, Signal>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, HoldsHandoverLinkRequirement requirement, Signal signal)
    {
        if (requirement.Link.SignalId == signal.Id && requirement.Route.SignalId == signal.Id
            && HandoverLinks.StateOf(requirement.Link, requirement.Route, clock.GetUtcNow()) == HandoverLinkState.Usable)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
