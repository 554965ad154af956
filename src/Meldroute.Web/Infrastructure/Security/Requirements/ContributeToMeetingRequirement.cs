using System.Security.Claims;
using Meldroute.Web.Features.CaseTable;
using Microsoft.AspNetCore.Authorization;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>
/// May the user add their own contribution to the weighing of a signal on this meeting's agenda? Whoever the chair
/// recorded present in it while it is open (<see cref="CaseTableMeeting.IsPresent"/>), whatever their role: being
/// invited is not enough, and an officer who was not there does not write in the members' name.
/// </summary>
public sealed class ContributeToMeetingRequirement : IAuthorizationRequirement;

internal sealed class ContributeToMeetingHandler : AuthorizationHandler<ContributeToMeetingRequirement, CaseTableMeeting>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ContributeToMeetingRequirement requirement, CaseTableMeeting meeting)
    {
        if (meeting.IsPresent(context.User.FindFirstValue(ClaimTypes.NameIdentifier)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
