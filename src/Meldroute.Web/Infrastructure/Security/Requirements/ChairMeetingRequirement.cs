using System.Security.Claims;
using Meldroute.Web.Features.CaseTable;
using Microsoft.AspNetCore.Authorization;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>
/// May the user chair this meeting: record who attended? Only its chair, an officer or the case-table member given the
/// chair for this meeting (<see cref="CaseTableMeeting.ChairId"/>); other officers change the chair, not the attendance.
/// </summary>
public sealed class ChairMeetingRequirement : IAuthorizationRequirement;

internal sealed class ChairMeetingHandler : AuthorizationHandler<ChairMeetingRequirement, CaseTableMeeting>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ChairMeetingRequirement requirement, CaseTableMeeting meeting)
    {
        if (meeting.IsChair(context.User.FindFirstValue(ClaimTypes.NameIdentifier)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
