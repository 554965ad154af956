using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Partners;

/// <summary>ListPartners: the partner network, internal / external / stakeholders, each with its routes, contacts and work processes.</summary>
public static class ListPartners
{
    public static async Task<IReadOnlyList<PartnerView>> HandleAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        var partners = await db.Partners.AsNoTracking().Include(p => p.Contacts).Include(p => p.WorkProcesses)
            .OrderBy(p => p.Kind).ThenBy(p => p.SortOrder).ThenBy(p => p.Name).AsSplitQuery().ToListAsync(cancellationToken);
        var routes = (await db.PartnerRoutes.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(r => r.PartnerId);
        return [.. partners.Select(p => PartnerView.From(p, routes[p.Id]))];
    }
}
