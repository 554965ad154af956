using System.Security.Claims;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>A row of the dossier list: no personal data, so the list itself needs no read audit.</summary>
public sealed record DossierSummary(Guid Id, string Reference, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, bool InvolvesMinor, DateOnly? ReflectionPeriodEnd, DateTimeOffset? PurgeDueAt, bool Purged);

/// <summary>
/// ListVictimDossiers: the coordinator sees every dossier; anyone else only the dossiers they hold an active grant
/// for (usually none — and then the list says nothing about other dossiers).
/// </summary>
public static class ListVictimDossiers
{
    public static async Task<IReadOnlyList<DossierSummary>> HandleAsync(MeldrouteDbContext db, ClaimsPrincipal user, DateTimeOffset now, RetentionOptions retention, bool includeClosed, CancellationToken cancellationToken)
    {
        var query = db.VictimDossiers.AsNoTracking();
        if (!user.IsInRole(Roles.VictimCareCoordinator))
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            query = query.Where(d => db.DossierAccessGrants.Any(g => g.DossierId == d.Id && g.UserId == userId && g.RevokedAt == null && g.EndsOn >= today));
        }

        if (!includeClosed)
        {
            query = query.Where(d => d.ClosedAt == null);
        }

        var rows = await query
            .Select(d => new { d.Id, d.Reference, d.OpenedAt, d.ClosedAt, d.InvolvesMinor, d.ReflectionPeriodEnd, Purged = d.DeletionReceipt != null })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderBy(d => d.ClosedAt is null ? 0 : 1).ThenByDescending(d => d.OpenedAt.UtcTicks)
            .Select(d => new DossierSummary(d.Id, d.Reference, d.OpenedAt, d.ClosedAt, d.InvolvesMinor, d.ReflectionPeriodEnd,
                RetentionRules.DossierPurgeDueAt(d.ClosedAt, d.Purged, retention), d.Purged))];
    }
}
