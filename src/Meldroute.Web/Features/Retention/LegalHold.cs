using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Retention;

/// <summary>
/// A legal hold on a signal (for example a request of the public prosecutor): while it is active, no retention rule
/// deletes the signal's personal data. Placing and lifting are audited.
/// </summary>
public sealed class LegalHold
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SignalId { get; set; }

    /// <summary>Why, in words (may name a case: stored encrypted).</summary>
    [Encrypted]
    public string? Reason { get; set; }

    public required string PlacedById { get; set; }

    public DateTimeOffset PlacedAt { get; set; }

    public DateTimeOffset? LiftedAt { get; set; }

    public string? LiftedById { get; set; }
}

/// <summary>That the daily retention run happened for a day: its primary key lets only one app instance claim the day.</summary>
public sealed class JobRun
{
    public required string Job { get; set; }

    public DateOnly Day { get; set; }

    public DateTimeOffset StartedAt { get; set; }
}

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> builder)
    {
        builder.Property(h => h.PlacedById).HasMaxLength(64);
        builder.Property(h => h.LiftedById).HasMaxLength(64);
        builder.HasIndex(h => h.SignalId);
        builder.HasOne<Signals.Signal>().WithMany().HasForeignKey(h => h.SignalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.HasKey(r => new { r.Job, r.Day });
        builder.Property(r => r.Job).HasMaxLength(50);
    }
}
