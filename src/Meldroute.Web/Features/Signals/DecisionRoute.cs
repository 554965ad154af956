using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Signals;

/// <summary>
/// A route decided for a signal (by the case table, or by one officer on the urgent path), with its partners and,
/// once handed over, how and when. The reason is personal content; route, partners and dates are anonymous remains.
/// </summary>
public sealed class DecisionRoute : Infrastructure.Privacy.ISignalPart, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

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

    /// <summary>What the officer wrote for this route's recipient: the sheet shows this, not the reporter's words.</summary>
    [Encrypted]
    public string? HandoverSummary { get; set; }

    /// <summary>The categories of personal data the sheet carries: the route's defaults, or what its balancing decided.</summary>
    public HandoverData DataCategories { get; set; }

    /// <summary>The latest balancing of interests of this route, when it justified sharing; null blocks the hand-over.</summary>
    public Guid? BalancingId { get; set; }

    /// <summary>The partner the justified balancing names as recipient: the only one the route is handed to.</summary>
    public int? RecipientPartnerId { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    public DateTimeOffset? ForwardedAt { get; set; }

    public ForwardingChannel? Channel { get; set; }

    public int? ForwardedToPartnerId { get; set; }

    public string? ForwardedById { get; set; }

    public IReadOnlyList<int> PartnerIdList =>
        [.. PartnerIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Routes that end with nothing to hand over.</summary>
    public bool NeedsForwarding => Route != Route.NoFurtherAction;

    /// <summary>What this route still needs before it is done, in the order the officer does it.</summary>
    public IReadOnlyList<RouteStep> StepsToGo =>
        !NeedsForwarding || ForwardedAt is not null ? []
        : BalancingId is null || RecipientPartnerId is null ? [RouteStep.BalancingOfInterests, RouteStep.HandOver]
        : [RouteStep.HandOver];
}

/// <summary>The steps of a route after the decision: its own balancing of interests, then the hand-over to its recipient.</summary>
public enum RouteStep
{
    BalancingOfInterests,
    HandOver,
}

internal sealed class DecisionRouteConfiguration : IEntityTypeConfiguration<DecisionRoute>
{
    public void Configure(EntityTypeBuilder<DecisionRoute> builder)
    {
        builder.Property(r => r.PartnerIds).HasMaxLength(500);
        builder.Property(r => r.Reason).HasMaxLength(2_000);
        builder.Property(r => r.HandoverSummary).HasMaxLength(4_000);
        builder.Property(r => r.ForwardedById).HasMaxLength(64);
        builder.Ignore(r => r.PartnerIdList);
        builder.Ignore(r => r.NeedsForwarding);
        builder.Ignore(r => r.StepsToGo);
        // Also covers the figures' count of routes, which joins on the signal and groups by route and partner.
        builder.HasIndex(r => new { r.SignalId, r.Route, r.ForwardedToPartnerId });
        builder.HasOne<Signal>().WithMany().HasForeignKey(r => r.SignalId).OnDelete(DeleteBehavior.Cascade);
    }
}
