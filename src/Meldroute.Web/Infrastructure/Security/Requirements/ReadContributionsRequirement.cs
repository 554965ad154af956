using System.Security.Claims;
using Meldroute.Web.Features.CaseTable;
using Microsoft.AspNetCore.Authorization;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>
/// May the user read the members' contributions to the signals of this meeting's agenda? Only those at the table: its
/// chair and the invitees who take part in it (<see cref="CaseTableMeeting.TakesPart"/>: invited, not recorded absent
/// or excused, and only while the meeting is open). Other specialist officers read the signal, not what the members
/// said about it in a meeting they did not attend (issue 19: "visible to attendees only").
/// </summary>
public sealed class ReadContributionsRequirement : IAuthorizationRequirement;

internal sealed class ReadContributionsHandler : MeetingRule<ReadContributionsRequirement>
{
    protected override bool Allows(ClaimsPrincipal user, string? userId, CaseTableMeeting meeting) => meeting.TakesPart(userId);
}
