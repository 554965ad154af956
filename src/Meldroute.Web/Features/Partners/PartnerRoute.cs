using Meldroute.Web.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Partners;

/// <summary>
/// That a partner takes signals on a route (e.g. HVO-Querido on the victim track). Registry data, not code: the
/// case table's partner suggestions come from here together with the partner's forms of exploitation.
/// </summary>
public sealed class PartnerRoute
{
    public int PartnerId { get; set; }

    public Route Route { get; set; }

    /// <summary>The partner suggested first for this route.</summary>
    public bool IsDefault { get; set; }
}

internal sealed class PartnerRouteConfiguration : IEntityTypeConfiguration<PartnerRoute>
{
    public void Configure(EntityTypeBuilder<PartnerRoute> builder)
    {
        builder.HasKey(r => new { r.PartnerId, r.Route });
        builder.HasOne<Partner>().WithMany().HasForeignKey(r => r.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
