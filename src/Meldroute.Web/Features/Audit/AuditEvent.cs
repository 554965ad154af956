using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Audit;

/// <summary>
/// One row of the append-only audit log. <see cref="Hash"/> covers every other field and the previous row's
/// hash, so altering or removing a row breaks the chain (see <see cref="AuditChain"/>).
/// Holds identifiers only: never names, free text or anything a user typed.
/// </summary>
public sealed class AuditEvent
{
    /// <summary>Gapless position in the chain, assigned under the chain lock (not a database identity, which may skip).</summary>
    public long Sequence { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>User id of who acted; null when anonymous or unknown.</summary>
    public string? ActorId { get; set; }

    /// <summary>The actor's roles at the time, comma separated.</summary>
    public string? ActorRole { get; set; }

    /// <summary>What happened, as a dotted code such as <c>signin.failed</c>.</summary>
    public required string Action { get; set; }

    public string? ObjectType { get; set; }

    public string? ObjectId { get; set; }

    public required string Outcome { get; set; }

    /// <summary>Why: the purpose of a processing or the reason of a decision, as a code or short fixed text.</summary>
    public string? Purpose { get; set; }

    public string? CorrelationId { get; set; }

    public string? ClientAddress { get; set; }

    /// <summary>
    /// The municipality whose privacy officer sees the event; null for an event of the installation (an operator command,
    /// a failed sign-in of an unknown account). Not in <see cref="Hash"/>: the chain is the installation's.
    /// </summary>
    public int? MunicipalityId { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }

    /// <summary>A copy of a described event, not yet in the chain, for one attempt at storing what it records.</summary>
    internal AuditEvent Unchained(string? objectId)
    {
        var copy = (AuditEvent)MemberwiseClone();
        copy.ObjectId = objectId;
        copy.Sequence = 0;
        copy.PreviousHash = "";
        copy.Hash = "";
        return copy;
    }
}

/// <summary>The last link of the chain, kept apart so that removing the newest rows is noticed too.</summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long LastSequence { get; set; }

    public required string LastHash { get; set; }

    /// <summary>
    /// The checkpoint left by the audit-log retention rule: the sequence and hash of the last row removed. The chain
    /// now starts after it; the same values are written into the chain itself by the "audit.trimmed" event, so a
    /// changed checkpoint is noticed as well.
    /// </summary>
    public long CheckpointSequence { get; set; }

    public string CheckpointHash { get; set; } = AuditChain.Genesis;
}

/// <summary>
/// An audit event committed with the change it records but not yet linked into the chain (PostgreSQL only, see
/// <see cref="AuditChainer"/>). Same content as <see cref="AuditEvent"/>; the chainer moves it there in order of
/// <see cref="Id"/> and gives it its sequence and hash.
/// </summary>
public sealed class PendingAuditEvent
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string? ActorId { get; set; }

    public string? ActorRole { get; set; }

    public required string Action { get; set; }

    public string? ObjectType { get; set; }

    public string? ObjectId { get; set; }

    public required string Outcome { get; set; }

    public string? Purpose { get; set; }

    public string? CorrelationId { get; set; }

    public string? ClientAddress { get; set; }

    public int? MunicipalityId { get; set; }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorRole).HasMaxLength(300);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.ObjectType).HasMaxLength(100);
        builder.Property(e => e.ObjectId).HasMaxLength(300);
        builder.Property(e => e.Outcome).HasMaxLength(50);
        builder.Property(e => e.Purpose).HasMaxLength(300);
        builder.Property(e => e.CorrelationId).HasMaxLength(100);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.OccurredAt);
        // The search pages newest first by sequence, within the municipality's events (the query filter): the whole log,
        // by actor and by object (a signal's reference: "who has seen it") each from an index that begins with the
        // municipality, so that its filter and the page's order are one index whatever the statistics say
        // (ListPlanTests). The chain's own walks (verify, trim) ignore the filter and read the primary key.
        builder.HasIndex(e => new { e.MunicipalityId, e.Sequence });
        builder.HasIndex(e => new { e.MunicipalityId, e.ActorId, e.Sequence });
        builder.HasIndex(e => new { e.MunicipalityId, e.ObjectId, e.Sequence });
    }
}

internal sealed class PendingAuditEventConfiguration : IEntityTypeConfiguration<PendingAuditEvent>
{
    public void Configure(EntityTypeBuilder<PendingAuditEvent> builder)
    {
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorRole).HasMaxLength(300);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.ObjectType).HasMaxLength(100);
        builder.Property(e => e.ObjectId).HasMaxLength(300);
        builder.Property(e => e.Outcome).HasMaxLength(50);
        builder.Property(e => e.Purpose).HasMaxLength(300);
        builder.Property(e => e.CorrelationId).HasMaxLength(100);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.LastHash).HasMaxLength(64);
        builder.Property(h => h.CheckpointHash).HasMaxLength(64).HasDefaultValue(AuditChain.Genesis);
    }
}
