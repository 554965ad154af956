using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.CaseTable;

public sealed record MeetingPerson(string UserId, string Name);

/// <summary>An invitee with their attendance as the chair recorded it (null: not yet recorded).</summary>
public sealed record MeetingInvitee(string UserId, string Name, Attendance? Attendance);

/// <summary>A signal on the agenda, in agenda order, by reference: its forms, status and the routes decided in this meeting.</summary>
public sealed record MeetingAgendaItem(int Order, Guid SignalId, string Reference, SignalStatus Status, IReadOnlyList<ExploitationForms> Forms, IReadOnlyList<DecidedRoute> Routes)
{
    /// <summary>Still waiting for the table's decision: a signal leaves OnAgenda only through one.</summary>
    public bool Undecided => Status == SignalStatus.OnAgenda;
}

/// <summary>A meeting as its invitees see it: chair, invitees with their attendance, the agenda in order. No signal content.</summary>
public sealed record MeetingView(
    Guid Id, string? Title, DateTimeOffset ScheduledAt, bool Closed, Guid Version, MeetingPerson Chair, IReadOnlyList<MeetingInvitee> Attendees, IReadOnlyList<MeetingAgendaItem> Agenda);

/// <summary>GetCaseTableMeeting: for officers, the chair and the invitees (<see cref="ReadMeetingRequirement"/>); with the version that changes to it carry.</summary>
public static class GetCaseTableMeeting
{
    /// <summary>The meeting, or null when it does not exist or is not the user's to see; audited under <paramref name="auditAction"/> either way.</summary>
    public static async Task<MeetingView?> HandleAsync(
        MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, ClaimsPrincipal user, Guid meetingId, string auditAction, CancellationToken cancellationToken) =>
        (await OpenAsync(db, authorization, audit, user, meetingId, auditAction, cancellationToken))?.View;

    /// <summary>As <see cref="HandleAsync"/>, with the meeting itself (not tracked) for the page's further checks.</summary>
    public static async Task<(CaseTableMeeting Meeting, MeetingView View)?> OpenAsync(
        MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, ClaimsPrincipal user, Guid meetingId, string auditAction, CancellationToken cancellationToken)
    {
        var meeting = await db.CaseTableMeetings.AsNoTracking().Include(m => m.Attendees).Include(m => m.Agenda).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !(await authorization.AuthorizeAsync(user, meeting, new ReadMeetingRequirement())).Succeeded)
        {
            await audit.RecordAsync(new AuditEntry(auditAction, AuditOutcome.Denied, "meeting", meetingId.ToString()), cancellationToken);
            return null;
        }

        var view = await ViewAsync(db, meeting, cancellationToken);
        await audit.RecordAsync(new AuditEntry(auditAction, AuditOutcome.Success, "meeting", meetingId.ToString()), cancellationToken);
        return (meeting, view);
    }

    /// <summary>The view of a meeting loaded with its invitees and agenda (no check: the caller checked).</summary>
    public static async Task<MeetingView> ViewAsync(MeldrouteDbContext db, CaseTableMeeting meeting, CancellationToken cancellationToken)
    {
        var people = meeting.Attendees.Select(a => a.UserId).Append(meeting.ChairId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var signalIds = meeting.Agenda.Select(a => a.SignalId).ToList();
        var signals = await db.Signals.AsNoTracking().Where(s => signalIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Reference, s.Status, Forms = s.Forms | s.ClassifiedForms }).ToDictionaryAsync(s => s.Id, cancellationToken);
        var routes = await db.DecisionRoutes.AsNoTracking().Where(r => r.MeetingId == meeting.Id).ToListAsync(cancellationToken);
        var partnerNames = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var agenda = meeting.Agenda.OrderBy(a => a.SortOrder).Select((a, i) =>
        {
            var s = signals[a.SignalId];
            return new MeetingAgendaItem(i + 1, s.Id, s.Reference, s.Status, ExploitationFormSet.Split(s.Forms), [.. routes.Where(r => r.SignalId == s.Id).OrderBy(r => r.Route)
                .Select(r => new DecidedRoute(r.Route, [.. r.PartnerIdList.Select(p => partnerNames.GetValueOrDefault(p, "?"))], r.IndividualCaseMeetingRequested))]);
        }).ToList();
        string Name(string id) => names.GetValueOrDefault(id, "—");
        return new MeetingView(
            meeting.Id,
            CaseTableMeeting.TitleOrNull(meeting.Title),
            meeting.ScheduledAt,
            meeting.ClosedAt is not null,
            meeting.Version,
            new MeetingPerson(meeting.ChairId, Name(meeting.ChairId)),
            [.. meeting.Attendees.Select(a => new MeetingInvitee(a.UserId, Name(a.UserId), a.Attendance)).OrderBy(a => a.Name, StringComparer.CurrentCulture)],
            agenda);
    }
}
