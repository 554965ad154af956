using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Signals;

/// <summary>
/// Remembers which signal a submitter's Idempotency-Key produced, so that a retried or double submit returns that
/// signal instead of making a second one. The key is stored as a SHA-256 hash: clients may put anything in it.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string UserId { get; set; }

    public required string KeyHash { get; set; }

    public Guid SignalId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => new { r.UserId, r.KeyHash });
        builder.Property(r => r.UserId).HasMaxLength(64);
        builder.Property(r => r.KeyHash).HasMaxLength(64);
    }
}
