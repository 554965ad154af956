using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Signals;

/// <summary>
/// A case-table member's contribution to the weighing of a signal on a meeting's agenda: one note per author, signal
/// and meeting, edited only by its author. Personal content of the signal: encrypted with the signal's data key and
/// deleted by <see cref="SignalPurge"/> with the rest of it. Read only by the meeting's attendees and the officers,
/// never part of the minutes.
/// </summary>
public sealed class MeetingContribution : ISignalPart, IVersioned, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid MeetingId { get; set; }

    public Guid SignalId { get; set; }

    public required string AuthorId { get; set; }

    [Encrypted]
    public required string Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class MeetingContributionConfiguration : IEntityTypeConfiguration<MeetingContribution>
{
    public void Configure(EntityTypeBuilder<MeetingContribution> builder)
    {
        builder.Property(c => c.AuthorId).HasMaxLength(64);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.MeetingId, c.SignalId, c.AuthorId }).IsUnique();
        builder.HasIndex(c => c.SignalId);
        builder.HasOne<Signal>().WithMany().HasForeignKey(c => c.SignalId).OnDelete(DeleteBehavior.Restrict);
    }
}
