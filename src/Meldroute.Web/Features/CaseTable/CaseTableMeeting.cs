using System.Globalization;
using Meldroute.Web.Infrastructure.Privacy;
using Meldroute.Web.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.CaseTable;

/// <summary>A meeting of the case table (casustafel / Lokaal Ondermijning Overleg).</summary>
public sealed class CaseTableMeeting : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

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

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<MeetingAttendee> Attendees { get; set; } = [];

    public List<AgendaItem> Agenda { get; set; } = [];

    /// <summary>The title as the API gives it: null once the retention run cleared it, like other purged content.</summary>
    public static string? TitleOrNull(string title) => title.Length == 0 ? null : title;

    /// <summary>The title as a page shows it: once cleared, a neutral name with the meeting's date.</summary>
    public static string DisplayTitle(string? title, DateTimeOffset scheduledAt, IStringLocalizer t) =>
        string.IsNullOrEmpty(title) ? t["Meeting_PurgedTitle", scheduledAt.ToLocalTime().ToString("d MMMM yyyy", CultureInfo.CurrentCulture)] : title;
}

public sealed class MeetingAttendee
{
    public Guid MeetingId { get; set; }

    public required string UserId { get; set; }
}

internal sealed class CaseTableMeetingConfiguration : IEntityTypeConfiguration<CaseTableMeeting>
{
    public void Configure(EntityTypeBuilder<CaseTableMeeting> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.CreatedById).HasMaxLength(64);
        builder.Property(m => m.Version).IsConcurrencyToken();
        // The meeting list, latest first a page at a time (keyset pagination); the id breaks ties.
        builder.HasIndex(m => new { m.ScheduledAt, m.Id });
        builder.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
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
