using Meldroute.Web.Features.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Signals;

/// <summary>
/// Remembers which signal a submitter's Idempotency-Key produced, so that a retried or double submit returns that
/// signal instead of making a second one. The key is stored as a SHA-256 hash: clients may put anything in it. The key
/// is bound to a SHA-256 hash of the request it came with: the same key with another request is refused (422), never
/// answered with the first signal while the second report is lost.
/// </summary>
public sealed class IdempotencyRecord : IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public required string UserId { get; set; }

    public required string KeyHash { get; set; }

    public Guid SignalId { get; set; }

    /// <summary>SHA-256 of the request (its JSON); null for records from before the hash was kept, which any body repeats.</summary>
    public string? BodyHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => new { r.UserId, r.KeyHash });
        builder.Property(r => r.UserId).HasMaxLength(64);
        builder.Property(r => r.KeyHash).HasMaxLength(64);
        builder.Property(r => r.BodyHash).HasMaxLength(64);
    }
}
