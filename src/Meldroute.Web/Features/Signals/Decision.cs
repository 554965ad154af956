using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Signals;

/// <summary>
/// A route decided for a signal (by the case table, or by one officer on the urgent path), with its partners and,
/// once handed over, how and when. The reason is personal content; route, partners and dates are anonymous remains.
/// </summary>
public sealed class DecisionRoute
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SignalId { get; set; }

    /// <summary>The meeting that decided it; null on the urgent path.</summary>
    public Guid? MeetingId { get; set; }

    public Route Route { get; set; }

    /// <summary>Partner ids from the partner registry, comma separated.</summary>
    public string PartnerIds { get; set; } = "";

    /// <summary>For PerpetratorTrack: an Individueel Casus Overleg is requested at the Zorg- en Veiligheidshuis.</summary>
    public bool IndividualCaseMeetingRequested { get; set; }

    [Encrypted]

    public string? Reason { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    public DateTimeOffset? ForwardedAt { get; set; }

    public ForwardingChannel? Channel { get; set; }

    public int? ForwardedToPartnerId { get; set; }

    public string? ForwardedById { get; set; }

    public IReadOnlyList<int> PartnerIdList =>
        [.. PartnerIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Routes that end with nothing to hand over.</summary>
    public bool NeedsForwarding => Route != Route.NoFurtherAction;
}

/// <summary>
/// The balancing of interests (AVG art. 6, plan section 11) recorded before anything about a possible victim is
/// shared: who weighed what. The reasoning is personal content; that it happened, when and by whom remains.
/// </summary>
public sealed class BalancingOfInterests
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SignalId { get; set; }

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

    /// <summary>Whether sharing victim data is justified.</summary>
    public bool SharingJustified { get; set; }

    [Encrypted]

    public string? Outcome { get; set; }
}

internal sealed class DecisionRouteConfiguration : IEntityTypeConfiguration<DecisionRoute>
{
    public void Configure(EntityTypeBuilder<DecisionRoute> builder)
    {
        builder.Property(r => r.PartnerIds).HasMaxLength(500);
        builder.Property(r => r.Reason).HasMaxLength(2_000);
        builder.Property(r => r.ForwardedById).HasMaxLength(64);
        builder.Ignore(r => r.PartnerIdList);
        builder.Ignore(r => r.NeedsForwarding);
        // Also covers the figures' count of routes, which joins on the signal and groups by route and partner.
        builder.HasIndex(r => new { r.SignalId, r.Route, r.ForwardedToPartnerId });
        builder.HasOne<Signal>().WithMany().HasForeignKey(r => r.SignalId).OnDelete(DeleteBehavior.Cascade);
    }
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
        builder.HasIndex(b => b.SignalId);
        builder.HasOne<Signal>().WithMany().HasForeignKey(b => b.SignalId).OnDelete(DeleteBehavior.Cascade);
    }
}
