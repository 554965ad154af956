using System.Security.Claims;
using Meldroute.Web.Features.VictimDossiers;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>
/// May the user open this victim dossier and add contact moments and care notes? (plan section 11, "afgeschermde
/// omgeving") The victim-care coordinator opens every dossier; any other account opens one dossier only while it holds
/// an active grant for it (not revoked, end date not passed). No role sees a dossier by its role alone.
/// </summary>
public sealed class ReadDossierRequirement : IAuthorizationRequirement;

internal sealed class ReadDossierHandler(MeldrouteDbContext db, TimeProvider clock) : AuthorizationHandler<ReadDossierRequirement, VictimDossier>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadDossierRequirement requirement, VictimDossier dossier)
    {
        if (context.User.IsInRole(Roles.VictimCareCoordinator) || await HasActiveGrantAsync(context.User, dossier.Id))
        {
            context.Succeed(requirement);
        }
    }

    private Task<bool> HasActiveGrantAsync(ClaimsPrincipal user, Guid dossierId)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return db.DossierAccessGrants.AnyAsync(g => g.DossierId == dossierId && g.UserId == userId && g.RevokedAt == null && g.EndsOn >= today);
    }
}
