using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Signals;

/// <summary>
/// The balancing of interests (AVG art. 6, plan section 11) recorded before anything about a possible victim is
/// shared: who weighed what. The reasoning is personal content; that it happened, when and by whom remains.
/// </summary>
public sealed class BalancingOfInterests : Infrastructure.Privacy.ISignalPart, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SignalId { get; set; }

    /// <summary>The route this balancing weighs: every route has its own (null only on records from before per-route balancing).</summary>
    public Guid? RouteId { get; set; }

    /// <summary>The partner that receives the data.</summary>
    public int? RecipientPartnerId { get; set; }

    /// <summary>The categories of personal data shared with that recipient.</summary>
    public HandoverData Categories { get; set; }

    /// <summary>Why more is shared than the route's defaults; required when the categories go beyond them.</summary>
    [Encrypted]
    public string? WideningReason { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedById { get; set; }

    /// <summary>Who took part in the weighing (functions, not names).</summary>
    [Encrypted]
    public string? WeighedBy { get; set; }

    [Encrypted]
    public string? Purpose { get; set; }

    [Encrypted]
    public string? Necessity { get; set; }

    [Encrypted]
    public string? Proportionality { get; set; }

    [Encrypted]
    public string? Subsidiarity { get; set; }

    /// <summary>Whether sharing the categories with the recipient is justified.</summary>
    public bool SharingJustified { get; set; }

    [Encrypted]
    public string? Outcome { get; set; }
}

internal sealed class BalancingOfInterestsConfiguration : IEntityTypeConfiguration<BalancingOfInterests>
{
    public void Configure(EntityTypeBuilder<BalancingOfInterests> builder)
    {
        builder.Property(b => b.RecordedById).HasMaxLength(64);
        builder.Property(b => b.WeighedBy).HasMaxLength(500);
        builder.Property(b => b.Purpose).HasMaxLength(2_000);
        builder.Property(b => b.Necessity).HasMaxLength(2_000);
        builder.Property(b => b.Proportionality).HasMaxLength(2_000);
        builder.Property(b => b.Subsidiarity).HasMaxLength(2_000);
        builder.Property(b => b.Outcome).HasMaxLength(2_000);
        builder.Property(b => b.WideningReason).HasMaxLength(2_000);
        builder.HasIndex(b => b.RouteId);
        builder.HasIndex(b => b.SignalId);
        builder.HasOne<Signal>().WithMany().HasForeignKey(b => b.SignalId).OnDelete(DeleteBehavior.Cascade);
    }
}
