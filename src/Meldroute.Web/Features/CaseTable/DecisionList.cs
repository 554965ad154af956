using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.CaseTable;

public sealed record DecidedRoute(Route Route, IReadOnlyList<string> Partners, bool IndividualCaseMeetingRequested);

public sealed record DecisionListItem(string Reference, SignalStatus Status, IReadOnlyList<ExploitationForms> Forms, IReadOnlyList<DecidedRoute> Routes);

/// <summary>The printable list of decisions (besluitenlijst) of a meeting: references, forms and routes — never names.</summary>
public sealed record DecisionListView(Guid MeetingId, string? Title, DateTimeOffset ScheduledAt, bool Closed, IReadOnlyList<DecisionListItem> Items);

/// <summary>GetDecisionList: for officers, and for case-table members who attend the meeting.</summary>
public static class DecisionList
{
    public static async Task<DecisionListView?> HandleAsync(MeldrouteDbContext db, AuditTrail audit, ClaimsPrincipal user, Guid meetingId, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var meeting = await db.CaseTableMeetings.AsNoTracking().Include(m => m.Attendees).Include(m => m.Agenda).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !(user.IsInRole(Roles.SpecialistOfficer) || meeting.Attendees.Any(a => a.UserId == userId)))
        {
            await audit.RecordAsync(new AuditEntry("meeting.decisions.read", AuditOutcome.Denied, "meeting", meetingId.ToString()), cancellationToken);
            return null;
        }

        var signalIds = meeting.Agenda.Select(a => a.SignalId).ToList();
        var signals = await db.Signals.AsNoTracking().Where(s => signalIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Reference, s.Status, Forms = s.Forms | s.ClassifiedForms }).ToListAsync(cancellationToken);
        var routes = await db.DecisionRoutes.AsNoTracking().Where(r => r.MeetingId == meetingId).ToListAsync(cancellationToken);
        var partnerNames = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var items = meeting.Agenda.OrderBy(a => a.SortOrder)
            .Select(a => signals.Single(s => s.Id == a.SignalId))
            .Select(s => new DecisionListItem(s.Reference, s.Status, ExploitationFormSet.Split(s.Forms), [.. routes.Where(r => r.SignalId == s.Id).OrderBy(r => r.Route)
                .Select(r => new DecidedRoute(r.Route, [.. r.PartnerIdList.Select(p => partnerNames.GetValueOrDefault(p, "?"))], r.IndividualCaseMeetingRequested))]))
            .ToList();
        await audit.RecordAsync(new AuditEntry("meeting.decisions.read", AuditOutcome.Success, "meeting", meetingId.ToString()), cancellationToken);
        return new DecisionListView(meeting.Id, CaseTableMeeting.TitleOrNull(meeting.Title), meeting.ScheduledAt, meeting.ClosedAt is not null, items);
    }
}
