using System.Security.Claims;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>May the user open this dossier and add contact moments and care notes?</summary>
public sealed class ReadDossierRequirement : IAuthorizationRequirement;

/// <summary>May the user manage this dossier: consent, partners, B8 dates, access grants, closure? Only the coordinator.</summary>
public sealed class ManageDossierRequirement : IAuthorizationRequirement;

/// <summary>
/// The dossier's resource checks in one place (plan section 11, "afgeschermde omgeving"): the victim-care coordinator
/// opens and manages every dossier; any other account opens one dossier only while it holds an active grant for it
/// (not revoked, end date not passed). No role sees a dossier by its role alone.
/// </summary>
internal sealed class DossierAccessHandler(MeldrouteDbContext db, TimeProvider clock) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not VictimDossier dossier)
        {
            return;
        }

        foreach (var requirement in context.PendingRequirements.ToList())
        {
            switch (requirement)
            {
                case ManageDossierRequirement or ReadDossierRequirement when context.User.IsInRole(Roles.VictimCareCoordinator):
                    context.Succeed(requirement);
                    break;
                case ReadDossierRequirement when await HasActiveGrantAsync(context.User, dossier.Id):
                    context.Succeed(requirement);
                    break;
            }
        }
    }

    private Task<bool> HasActiveGrantAsync(ClaimsPrincipal user, Guid dossierId)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return db.DossierAccessGrants.AnyAsync(g => g.DossierId == dossierId && g.UserId == userId && g.RevokedAt == null && g.EndsOn >= today);
    }
}
