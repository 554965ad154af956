using System.Security.Claims;
using Meldroute.Web.Features.CaseTable;
using Microsoft.AspNetCore.Authorization;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>
/// May the user open this meeting: its invitees and attendance, its agenda by reference and its list of decisions (the
/// minutes)? Specialist officers, its chair and its invitees, also once it is closed and whatever their attendance: the
/// minutes hold no content of the signals (references, forms and routes), and are sent to every invitee.
/// </summary>
public sealed class ReadMeetingRequirement : IAuthorizationRequirement;

internal sealed class ReadMeetingHandler : MeetingRule<ReadMeetingRequirement>
{
    protected override bool Allows(ClaimsPrincipal user, string? userId, CaseTableMeeting meeting) =>
        user.IsInRole(Roles.SpecialistOfficer) || meeting.IsChair(userId) || meeting.Invitee(userId) is not null;
}
