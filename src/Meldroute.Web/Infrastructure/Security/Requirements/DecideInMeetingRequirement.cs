using System.Security.Claims;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>
/// May the user record the decision on this signal taken in meeting <see cref="MeetingId"/>? Only that meeting's chair,
/// and only for a signal on its agenda. A member who chairs decides while the meeting is open (closing ends the
/// members' access to its signals); an officer who chairs may still record it after closing, as the minutes are often
/// finished after the meeting. The urgent path, without a meeting, is <see cref="HandleSignalRequirement"/>'s.
/// </summary>
public sealed class DecideInMeetingRequirement(Guid meetingId) : IAuthorizationRequirement
{
    public Guid MeetingId { get; } = meetingId;
}

internal sealed class DecideInMeetingHandler(MeldrouteDbContext db) : AuthorizationHandler<DecideInMeetingRequirement, Signal>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, DecideInMeetingRequirement requirement, Signal signal)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return;
        }

        var meeting = await db.CaseTableMeetings.AsNoTracking()
            .Where(m => m.Id == requirement.MeetingId && m.ChairId == userId && m.Agenda.Any(a => a.SignalId == signal.Id))
            .Select(m => new { m.ClosedAt })
            .SingleOrDefaultAsync();
        if (meeting is not null && (meeting.ClosedAt is null || context.User.IsInRole(Roles.SpecialistOfficer)))
        {
            context.Succeed(requirement);
        }
    }
}
