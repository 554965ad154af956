using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.CaseTable;

/// <summary>What closing a meeting will do, for the confirmation the page asks first (issue 16).</summary>
/// <param name="Attendees">How many attendees lose access to the signals of its agenda.</param>
/// <param name="AgendaItems">How many signals are on its agenda.</param>
/// <param name="Undecided">The references of the signals on its agenda that have no decision yet, in agenda order.</param>
public sealed record MeetingClosing(int Attendees, int AgendaItems, IReadOnlyList<string> Undecided);

/// <summary>
/// Closing a meeting (page only, no API): from then on its attendees no longer see the signals of its agenda
/// (<see cref="Infrastructure.Security.ReadSignalRequirement"/>) and nothing more can be put on it.
/// </summary>
public static class CloseCaseTableMeeting
{
    /// <summary>What closing would do, or null for an unknown meeting.</summary>
    public static async Task<MeetingClosing?> PreviewAsync(MeldrouteDbContext db, Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.CaseTableMeetings.AsNoTracking().Where(m => m.Id == meetingId)
            .Select(m => new { Attendees = m.Attendees.Count, Items = m.Agenda.Count }).SingleOrDefaultAsync(cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        // A signal leaves OnAgenda only through a decision, and is on one agenda at a time: still OnAgenda is undecided.
        var undecided = await (from a in db.AgendaItems
                               join s in db.Signals on a.SignalId equals s.Id
                               where a.MeetingId == meetingId && s.Status == SignalStatus.OnAgenda
                               orderby a.SortOrder
                               select s.Reference).ToListAsync(cancellationToken);
        return new MeetingClosing(meeting.Attendees, meeting.Items, undecided);
    }

    /// <summary>Closes the meeting with its audit event; closing a closed meeting keeps its first closing time. False for an unknown meeting.</summary>
    public static async Task<bool> HandleAsync(MeldrouteDbContext db, AuditTrail audit, DateTimeOffset now, Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.CaseTableMeetings.SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        meeting.ClosedAt ??= now;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("meeting.closed", AuditOutcome.Success, "meeting", meetingId.ToString()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
