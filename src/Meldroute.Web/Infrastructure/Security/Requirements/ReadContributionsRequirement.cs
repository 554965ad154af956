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

internal sealed class ReadContributionsHandler : MeetingRule<ReadContributionsRequirement>
{
    protected override bool Allows(ClaimsPrincipal user, string? userId, CaseTableMeeting meeting) => user.IsInRole(Roles.SpecialistOfficer) || meeting.TakesPart(userId);
}
