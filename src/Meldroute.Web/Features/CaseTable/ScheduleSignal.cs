using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.CaseTable;

public sealed class ScheduleSignalRequest : IVersionedRequest
{
    public Guid? Version { get; set; }

    public Guid? MeetingId { get; set; }
}

/// <summary>ScheduleSignal: an officer puts an analysed signal on the agenda of an open meeting (InAnalysis → OnAgenda).</summary>
public static class ScheduleSignal
{
    public static Task<Outcome<SignalChanged>> HandleAsync(SignalChanges c, ClaimsPrincipal user, Guid signalId, ScheduleSignalRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(user, signalId, r.Version, "signal.scheduled", async signal =>
        {
            var meeting = r.MeetingId is null ? null : await c.Db.CaseTableMeetings.SingleOrDefaultAsync(m => m.Id == r.MeetingId, cancellationToken);
            if (meeting is null || meeting.ClosedAt is not null)
            {
                return Outcome<SignalChanged>.Invalid(nameof(r.MeetingId), c.T["Schedule_MeetingRequired"]);
            }

            if (c.Move(signal, SignalStatus.OnAgenda, null) is { } refused)
            {
                return refused;
            }

            var order = await c.Db.AgendaItems.CountAsync(a => a.MeetingId == meeting.Id, cancellationToken);
            c.Db.AgendaItems.Add(new AgendaItem { MeetingId = meeting.Id, SignalId = signal.Id, SortOrder = order + 1 });
            return null;
        }, cancellationToken);
}
