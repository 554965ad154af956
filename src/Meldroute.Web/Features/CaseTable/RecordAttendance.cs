using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.CaseTable;

/// <summary>The answer to a change of a meeting: its new version, for the next change.</summary>
public sealed record MeetingChanged(Guid Id, Guid Version)
{
    public static MeetingChanged Of(CaseTableMeeting meeting) => new(meeting.Id, meeting.Version);
}

public sealed class AttendanceEntry
{
    public string? UserId { get; set; }

    /// <summary>Present, Absent or Excused (afgemeld); null: not (yet) recorded.</summary>
    public Attendance? Attendance { get; set; }
}

public sealed class RecordAttendanceRequest : IVersionedRequest
{
    public Guid? Version { get; set; }

    /// <summary>Every invitee once, with their attendance.</summary>
    public List<AttendanceEntry> Attendees { get; set; } = [];
}

/// <summary>
/// RecordAttendance: the chair records, in or after the meeting while it is open, who of the invitees was present, who
/// sent apologies (afgemeld) and who was absent. Only those present contribute to the weighing; those absent or
/// excused no longer see the signals of its agenda. The chair is present by definition.
/// </summary>
public static class RecordAttendance
{
    public static Task<Outcome<MeetingChanged>> HandleAsync(AggregateChanges c, ClaimsPrincipal user, Guid meetingId, RecordAttendanceRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(CaseTableMeeting.Kind, user, meetingId, r.Version, new ChairMeetingRequirement(), "meeting.attendance.recorded", "attendance", meeting =>
        {
            if (meeting.ClosedAt is not null)
            {
                return Task.FromResult<Outcome<MeetingChanged>?>(Outcome<MeetingChanged>.Conflict(c.T["Meeting_IsClosed"]));
            }

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var invited = meeting.Attendees.Select(a => a.UserId).ToHashSet(StringComparer.Ordinal);
            var sent = r.Attendees.Select(a => a.UserId ?? "").ToList();
            if (sent.Count != invited.Count || !invited.SetEquals(sent))
            {
                errors[nameof(r.Attendees)] = [c.T["Attendance_EveryInvitee"]];
            }

            for (var i = 0; i < r.Attendees.Count; i++)
            {
                var entry = r.Attendees[i];
                if (entry.Attendance is { } value && !Enum.IsDefined(value))
                {
                    errors[$"Attendees[{i}].Attendance"] = [c.T["Attendance_Unknown"]];
                }
                else if (meeting.IsChair(entry.UserId) && entry.Attendance is Attendance.Absent or Attendance.Excused)
                {
                    errors[$"Attendees[{i}].Attendance"] = [c.T["Attendance_ChairIsPresent"]];
                }
            }

            if (errors.Count > 0)
            {
                return Task.FromResult<Outcome<MeetingChanged>?>(Outcome<MeetingChanged>.Invalid(errors));
            }

            var recorded = r.Attendees.ToDictionary(a => a.UserId!, a => a.Attendance, StringComparer.Ordinal);
            foreach (var invitee in meeting.Attendees)
            {
                invitee.Attendance = meeting.IsChair(invitee.UserId) ? Attendance.Present : recorded[invitee.UserId];
            }

            return Task.FromResult<Outcome<MeetingChanged>?>(null);
        },
        MeetingChanged.Of, cancellationToken);
}
