using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>RevokeDossierAccess: the coordinator ends a grant at once.</summary>
public static class RevokeDossierAccess
{
    public static Task<Outcome<DossierChanged>> HandleAsync(DossierChanges c, ClaimsPrincipal user, Guid dossierId, Guid grantId, Guid? version, CancellationToken cancellationToken) =>
        c.RunAsync(user, dossierId, version, new ManageDossierRequirement(), "dossier.access.revoked", "access", async dossier =>
        {
            var grant = await c.Db.DossierAccessGrants.SingleOrDefaultAsync(g => g.Id == grantId && g.DossierId == dossier.Id, cancellationToken);
            if (grant is null)
            {
                return Outcome<DossierChanged>.NotFound();
            }

            if (grant.RevokedAt is not null)
            {
                return Outcome<DossierChanged>.Conflict(c.T["Dossier_GrantAlreadyRevoked"]);
            }

            grant.RevokedAt = c.Now;
            return null;
        }, cancellationToken);
}
