using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Partners;

/// <summary>ArchivePartner's body: <c>archived: false</c> takes a partner out of the archive again.</summary>
public sealed class ArchivePartnerRequest
{
    public Guid? Version { get; set; }

    public bool Archived { get; set; } = true;
}

/// <summary>
/// ArchivePartner: a partner that no longer takes part leaves the route choices and the care map. It is never
/// deleted: decisions, hand-overs and dossiers that name it keep its name, and the figures keep counting it.
/// </summary>
public static class ArchivePartner
{
    public static async Task<Outcome<PartnerView>> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, int id, ArchivePartnerRequest r, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await PartnerEdits.RunAsync(db, audit, clock, t, user, id, r.Version, r.Archived ? "partner.archived" : "partner.restored", (partner, routes) =>
        {
            partner.ArchivedAt = r.Archived ? partner.ArchivedAt ?? now : null;
            return (routes, null);
        }, cancellationToken);
    }
}
