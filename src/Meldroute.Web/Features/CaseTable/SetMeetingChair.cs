using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.CaseTable;

public sealed class SetMeetingChairRequest : IVersionedRequest
{
    public Guid? Version { get; set; }

    /// <summary>The user id of a specialist officer or a case-table member.</summary>
    public string? ChairId { get; set; }
}

/// <summary>
/// SetMeetingChair: an officer gives the chair of an open meeting to another officer or to a case-table member (who
/// is then invited, if they were not); the former chair stays on as an invitee. Who was recorded absent or excused cannot chair it.
/// </summary>
public static class SetMeetingChair
{
    public static Task<Outcome<MeetingChanged>> HandleAsync(AggregateChanges c, ClaimsPrincipal user, Guid meetingId, SetMeetingChairRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(CaseTableMeeting.Kind, user, meetingId, r.Version, new ManageMeetingRequirement(), "meeting.chair.changed", "chair", async meeting =>
        {
            if (meeting.ClosedAt is not null)
            {
                return Outcome<MeetingChanged>.Conflict(c.T["Meeting_IsClosed"]);
            }

            var eligible = await CreateCaseTableMeeting.EligibleAttendeesAsync(c.Db, cancellationToken);
            if (r.ChairId is not { } chairId || !eligible.TryGetValue(chairId, out var chair))
            {
                return Outcome<MeetingChanged>.Invalid(nameof(r.ChairId), c.T["Meeting_ChairNotEligible"]);
            }

            if (meeting.Invitee(chairId) is { Attendance: Attendance.Absent or Attendance.Excused })
            {
                return Outcome<MeetingChanged>.Invalid(nameof(r.ChairId), c.T["Meeting_ChairNotPresent", chair.Name]);
            }

            // Who hands the chair over stays at the table: an invitee from now on (the chair was present by definition),
            // so they still read the agenda's signals and the members' contributions, as those present do.
            var former = meeting.ChairId;
            meeting.ChairId = chairId;
            if (former.Length > 0 && former != chairId && meeting.Invitee(former) is null)
            {
                meeting.Attendees.Add(new MeetingAttendee { MeetingId = meeting.Id, UserId = former, Attendance = meeting.Attendees.Any(a => a.Attendance is not null) ? Attendance.Present : null });
            }

            if (!chair.IsOfficer && meeting.Invitee(chairId) is null)
            {
                // A member sees a meeting only as an invitee (the chair is present by definition, whatever is recorded).
                meeting.Attendees.Add(new MeetingAttendee { MeetingId = meeting.Id, UserId = chairId });
            }

            return null;
        },
        MeetingChanged.Of, cancellationToken);
}
