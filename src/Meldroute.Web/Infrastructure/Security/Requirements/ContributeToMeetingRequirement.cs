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

internal sealed class ContributeToMeetingHandler : MeetingRule<ContributeToMeetingRequirement>
{
    protected override bool Allows(ClaimsPrincipal user, string? userId, CaseTableMeeting meeting) => meeting.IsPresent(userId);
}
