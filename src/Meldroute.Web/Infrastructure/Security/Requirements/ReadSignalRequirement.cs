using System.Security.Claims;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>
/// May the user read this signal's content? (need to know, plan section 11) A specialist officer reads every signal; a
/// case-table member reads a signal only while it is on the agenda of a meeting they take part in
/// (<see cref="Features.CaseTable.CaseTableMeeting.TakesPart"/>: invited, not recorded absent or excused, and not closed);
/// nobody else reads content (reporters see only the general status of their own signals, through their own list).
/// </summary>
public sealed class ReadSignalRequirement : IAuthorizationRequirement;

internal sealed class ReadSignalHandler(MeldrouteDbContext db) : AuthorizationHandler<ReadSignalRequirement, Signal>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadSignalRequirement requirement, Signal signal)
    {
        if (context.User.IsInRole(Roles.SpecialistOfficer)
            || (context.User.IsInRole(Roles.CaseTableMember) && await TakesPartInOpenMeetingWithAsync(context.User, signal.Id)))
        {
            context.Succeed(requirement);
        }
    }

    private Task<bool> TakesPartInOpenMeetingWithAsync(ClaimsPrincipal user, Guid signalId)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return db.AgendaItems.AnyAsync(a => a.SignalId == signalId
            && db.CaseTableMeetings.Any(m => m.Id == a.MeetingId && m.ClosedAt == null
                && m.Attendees.Any(x => x.UserId == userId && (x.Attendance == null || x.Attendance == Features.CaseTable.Attendance.Present))));
    }
}
