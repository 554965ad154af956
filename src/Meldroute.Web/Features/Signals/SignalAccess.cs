using System.Security.Claims;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Signals;

/// <summary>May the user read this signal's content? (need to know, plan section 11)</summary>
public sealed class ReadSignalRequirement : IAuthorizationRequirement;

/// <summary>May the user handle this signal: analyse, schedule, decide, forward? Only specialist officers.</summary>
public sealed class HandleSignalRequirement : IAuthorizationRequirement;

/// <summary>
/// The resource checks for signals, in one place: an officer reads and handles every signal; a case-table member
/// reads a signal only while it is on the agenda of a meeting they attend that has not been closed; nobody else
/// reads content (reporters see only the general status of their own signals, through their own list).
/// </summary>
internal sealed class SignalAccessHandler(MeldrouteDbContext db) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not Signal signal)
        {
            return;
        }

        foreach (var requirement in context.PendingRequirements.ToList())
        {
            switch (requirement)
            {
                case HandleSignalRequirement when context.User.IsInRole(Roles.SpecialistOfficer):
                    context.Succeed(requirement);
                    break;
                case ReadSignalRequirement when context.User.IsInRole(Roles.SpecialistOfficer):
                    context.Succeed(requirement);
                    break;
                case ReadSignalRequirement when context.User.IsInRole(Roles.CaseTableMember) && await AttendsOpenMeetingWithAsync(context.User, signal.Id):
                    context.Succeed(requirement);
                    break;
            }
        }
    }

    private Task<bool> AttendsOpenMeetingWithAsync(ClaimsPrincipal user, Guid signalId)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return db.AgendaItems.AnyAsync(a => a.SignalId == signalId
            && db.CaseTableMeetings.Any(m => m.Id == a.MeetingId && m.ClosedAt == null && m.Attendees.Any(x => x.UserId == userId)));
    }
}
