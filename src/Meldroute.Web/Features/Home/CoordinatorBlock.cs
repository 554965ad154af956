using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.VictimDossiers;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.Home;

/// <summary>
/// The victim-care coordinator's block: the open victim dossiers, and the reflection periods (B8) that end within
/// <see cref="ListVictimDossiers.ReflectionEndingDays"/> days, counted by the dossier list's own filters.
/// </summary>
public static class CoordinatorBlock
{
    public static async Task<DashboardBlock> BuildAsync(DashboardServices s, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = s.Clock.GetUtcNow();
        var open = await ListVictimDossiers.CountAsync(s.Db, user, now, new DossierFilter(), cancellationToken);
        var ending = await ListVictimDossiers.CountAsync(s.Db, user, now, new DossierFilter(ReflectionEnding: true), cancellationToken);
        return new DashboardBlock(Roles.VictimCareCoordinator, s.T["Role_" + Roles.VictimCareCoordinator],
        [
            new("open-dossiers", open, s.T.Plural("Dashboard_OpenDossiers", open), "/VictimDossiers"),
            new("reflection-ending", ending, s.T.Plural("Dashboard_ReflectionEnding", ending, ListVictimDossiers.ReflectionEndingDays), "/VictimDossiers?ReflectionEnding=true", Attention: ending > 0),
        ]);
    }
}
