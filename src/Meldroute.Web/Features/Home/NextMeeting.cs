using System.Globalization;
using Meldroute.Web.Features.CaseTable;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Home;

/// <summary>A signal on a meeting's agenda: its reference only.</summary>
public sealed record AgendaSignal(Guid Id, string Reference);

/// <summary>
/// The case table's next meeting that is still open: the first scheduled today or later (a meeting later today is
/// still the next one), with the signals on its agenda in agenda order. For a case-table member only the meetings they
/// attend count.
/// </summary>
public sealed record NextMeeting(Guid Id, string Title, DateTimeOffset ScheduledAt, IReadOnlyList<AgendaSignal> Signals)
{
    public static async Task<NextMeeting?> FindAsync(MeldrouteDbContext db, TimeProvider clock, string? attendeeId, CancellationToken cancellationToken)
    {
        var local = clock.GetLocalNow();
        var today = new DateTimeOffset(local.Date, local.Offset).ToUniversalTime();
        var meetings = db.CaseTableMeetings.AsNoTracking().Where(m => m.ClosedAt == null && m.ScheduledAt >= today);
        if (attendeeId is not null)
        {
            meetings = meetings.Where(m => m.Attendees.Any(a => a.UserId == attendeeId));
        }

        var meeting = await meetings.OrderBy(m => m.ScheduledAt).Select(m => new { m.Id, m.Title, m.ScheduledAt }).FirstOrDefaultAsync(cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var signals = await (from item in db.AgendaItems
                             join signal in db.Signals on item.SignalId equals signal.Id
                             where item.MeetingId == meeting.Id
                             orderby item.SortOrder, signal.Reference
                             select new AgendaSignal(signal.Id, signal.Reference)).ToListAsync(cancellationToken);
        return new NextMeeting(meeting.Id, meeting.Title, meeting.ScheduledAt, signals);
    }

    /// <summary>The meeting as the dashboard names it: its title (or the neutral name once the title was purged) and when.</summary>
    public string Describe(IStringLocalizer t) =>
        t["Dashboard_Meeting", CaseTableMeeting.DisplayTitle(Title, ScheduledAt, t), ScheduledAt.ToLocalTime().ToString("g", CultureInfo.CurrentCulture)];

    public string Url => "/CaseTable/Meeting/" + Id.ToString();
}
