using Meldroute.Web.Features.Municipalities;
using System.Globalization;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Privacy;
using Meldroute.Web.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.CaseTable;

/// <summary>
/// A meeting of the case table (casustafel / Lokaal Ondermijning Overleg): its invitees with their attendance, its
/// chair, its agenda. Changes to the meeting itself (attendance, chair) run through <see cref="AggregateChanges"/>.
/// </summary>
public sealed class CaseTableMeeting : IAggregate, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public static readonly AggregateKind<CaseTableMeeting> Kind = new("meeting", "Meeting_ChangedByOther", LoadAsync);

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>How the audit log names a meeting: by its id, as <c>meeting.created</c> does (the title may hold a name).</summary>
    public string Reference => Id.ToString();

    /// <summary>
    /// A title such as "LOO december". Meant to be neutral, but free text can hold a name, so it is encrypted like
    /// the signals' content and cleared by the retention run (empty once purged).
    /// </summary>
    [Encrypted]
    public required string Title { get; set; }

    public DateTimeOffset ScheduledAt { get; set; }

    /// <summary>Once closed, attendees no longer see the signals of its agenda.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public string CreatedById { get; set; } = "";

    /// <summary>
    /// Who chairs the meeting: a specialist officer, or a case-table member given the chair for this meeting. Only the
    /// chair records attendance and the decisions taken in the meeting (<see cref="Infrastructure.Security.ChairMeetingRequirement"/>,
    /// <see cref="Infrastructure.Security.DecideInMeetingRequirement"/>). The chair is present by definition; a member
    /// who chairs is also one of the invitees (so the meeting is on their list), an officer need not be.
    /// </summary>
    public string ChairId { get; set; } = "";

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The invitees, each with their attendance once the chair recorded it.</summary>
    public List<MeetingAttendee> Attendees { get; set; } = [];

    public List<AgendaItem> Agenda { get; set; } = [];

    /// <summary>The title as the API gives it: null once the retention run cleared it, like other purged content.</summary>
    public static string? TitleOrNull(string title) => title.Length == 0 ? null : title;

    /// <summary>The title as a page shows it: once cleared, a neutral name with the meeting's date.</summary>
    public static string DisplayTitle(string? title, DateTimeOffset scheduledAt, IStringLocalizer t) =>
        string.IsNullOrEmpty(title) ? t["Meeting_PurgedTitle", scheduledAt.ToLocalTime().ToString("d MMMM yyyy", CultureInfo.CurrentCulture)] : title;

    /// <summary>The invitee with this user id, or null.</summary>
    public MeetingAttendee? Invitee(string? userId) => userId is null ? null : Attendees.FirstOrDefault(a => a.UserId == userId);

    /// <summary>
    /// Takes part: the chair, or invited and not recorded absent or excused; only while the meeting is open. Such a
    /// member reads the signals of its agenda (to prepare, and in the meeting) and the contributions to them.
    /// </summary>
    public bool TakesPart(string? userId) => ClosedAt is null && (IsChair(userId) || Invitee(userId) is { Attendance: null or Attendance.Present });

    /// <summary>The chair, or recorded present by the chair; only while the meeting is open: may contribute to the weighing of its signals.</summary>
    public bool IsPresent(string? userId) => ClosedAt is null && (IsChair(userId) || Invitee(userId) is { Attendance: Attendance.Present });

    public bool IsChair(string? userId) => userId is not null && ChairId == userId;

    private static Task<CaseTableMeeting?> LoadAsync(MeldrouteDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.CaseTableMeetings.Include(m => m.Attendees).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
}

/// <summary>An invitee of a meeting.</summary>
public sealed class MeetingAttendee : IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public Guid MeetingId { get; set; }

    public required string UserId { get; set; }

    /// <summary>Null until the chair records it, in or after the meeting.</summary>
    public Attendance? Attendance { get; set; }
}

/// <summary>Whether an invitee attended the meeting, as the chair records it.</summary>
public enum Attendance
{
    /// <summary>Aanwezig.</summary>
    Present = 1,

    /// <summary>Afwezig, without notice.</summary>
    Absent = 2,

    /// <summary>Afgemeld: sent apologies beforehand.</summary>
    Excused = 3,
}

internal sealed class CaseTableMeetingConfiguration : IEntityTypeConfiguration<CaseTableMeeting>
{
    public void Configure(EntityTypeBuilder<CaseTableMeeting> builder)
    {
        builder.Ignore(m => m.Reference);
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.CreatedById).HasMaxLength(64);
        builder.Property(m => m.ChairId).HasMaxLength(64);
        builder.Property(m => m.Version).IsConcurrencyToken();
        // The meeting list, latest first a page at a time (keyset pagination), within the municipality (its query
        // filter leads the index); the id breaks ties.
        builder.HasIndex(m => new { m.MunicipalityId, m.ScheduledAt, m.Id });
        builder.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<MeetingContribution>().WithOne().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> builder)
    {
        builder.HasKey(a => new { a.MeetingId, a.UserId });
        builder.Property(a => a.UserId).HasMaxLength(64);
        builder.HasIndex(a => a.UserId);
    }
}
