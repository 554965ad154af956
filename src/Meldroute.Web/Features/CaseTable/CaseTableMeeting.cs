using Meldroute.Web.Infrastructure.Privacy;
using Meldroute.Web.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.CaseTable;

/// <summary>A meeting of the case table (casustafel / Lokaal Ondermijning Overleg).</summary>
public sealed class CaseTableMeeting : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>A neutral title such as "LOO december"; never case content.</summary>
    public required string Title { get; set; }

    public DateTimeOffset ScheduledAt { get; set; }

    /// <summary>Once closed, attendees no longer see the signals of its agenda.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public string CreatedById { get; set; } = "";

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<MeetingAttendee> Attendees { get; set; } = [];

    public List<AgendaItem> Agenda { get; set; } = [];
}

public sealed class MeetingAttendee
{
    public Guid MeetingId { get; set; }

    public required string UserId { get; set; }
}

/// <summary>A signal on a meeting's agenda, with the table's assessment (personal content, deleted on forwarding).</summary>
public sealed class AgendaItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid MeetingId { get; set; }

    public Guid SignalId { get; set; }

    public int SortOrder { get; set; }

    [Encrypted]

    public string? Assessment { get; set; }
}

internal sealed class CaseTableMeetingConfiguration : IEntityTypeConfiguration<CaseTableMeeting>
{
    public void Configure(EntityTypeBuilder<CaseTableMeeting> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.CreatedById).HasMaxLength(64);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.ScheduledAt);
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

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(a => a.Assessment).HasMaxLength(10_000);
        builder.HasIndex(a => new { a.MeetingId, a.SignalId }).IsUnique();
        builder.HasIndex(a => a.SignalId);
        builder.HasOne<Signal>().WithMany().HasForeignKey(a => a.SignalId).OnDelete(DeleteBehavior.Restrict);
    }
}
