using System.Security.Claims;
using Meldroute.Web.Features.CaseTable;
using Microsoft.AspNetCore.Authorization;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>
/// May the user chair this meeting: record who attended? Only its chair, an officer or the case-table member given the
/// chair for this meeting (<see cref="CaseTableMeeting.ChairId"/>); other officers change the chair, not the attendance.
/// </summary>
public sealed class ChairMeetingRequirement : IAuthorizationRequirement;

internal sealed class ChairMeetingHandler : MeetingRule<ChairMeetingRequirement>
{
    protected override bool Allows(ClaimsPrincipal user, string? userId, CaseTableMeeting meeting) => meeting.IsChair(userId);
}
