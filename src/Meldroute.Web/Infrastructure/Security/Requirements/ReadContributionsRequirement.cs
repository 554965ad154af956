using System.Security.Claims;
using Meldroute.Web.Features.CaseTable;
using Microsoft.AspNetCore.Authorization;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>
/// May the user read the members' contributions to the signals of this meeting's agenda? Specialist officers, who lead
/// the table; and the invitees who take part in it (<see cref="CaseTableMeeting.TakesPart"/>: invited, not recorded
/// absent or excused, and only while the meeting is open), the same people who read those signals.
/// </summary>
public sealed class ReadContributionsRequirement : IAuthorizationRequirement;

internal sealed class ReadContributionsHandler : AuthorizationHandler<ReadContributionsRequirement, CaseTableMeeting>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadContributionsRequirement requirement, CaseTableMeeting meeting)
    {
        if (context.User.IsInRole(Roles.SpecialistOfficer) || meeting.TakesPart(context.User.FindFirstValue(ClaimTypes.NameIdentifier)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
