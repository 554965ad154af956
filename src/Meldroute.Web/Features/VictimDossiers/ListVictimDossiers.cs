using System.Security.Claims;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>A row of the dossier list: no personal data, so the list itself needs no read audit.</summary>
public sealed record DossierSummary(Guid Id, string Reference, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, bool InvolvesMinor, DateOnly? ReflectionPeriodEnd, DateTimeOffset? PurgeDueAt, bool Purged);

/// <summary>What the dossier list shows: open dossiers, or closed ones too; optionally only those whose reflection period ends soon.</summary>
public sealed record DossierFilter(bool IncludeClosed = false, bool ReflectionEnding = false);

/// <summary>
/// ListVictimDossiers: the coordinator sees every dossier; anyone else only the dossiers they hold an active grant
/// for (usually none — and then the list says nothing about other dossiers).
/// </summary>
public static class ListVictimDossiers
{
    /// <summary>A reflection period "ends soon" when it ends today or within this many days (the coordinator's dashboard and the list's filter).</summary>
    public const int ReflectionEndingDays = 14;

    public static async Task<IReadOnlyList<DossierSummary>> HandleAsync(MeldrouteDbContext db, ClaimsPrincipal user, DateTimeOffset now, RetentionOptions retention, DossierFilter filter, CancellationToken cancellationToken)
    {
        var rows = await Visible(db, user, now, filter)
            .Select(d => new { d.Id, d.Reference, d.OpenedAt, d.ClosedAt, d.InvolvesMinor, d.ReflectionPeriodEnd, Purged = d.DeletionReceipt != null })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderBy(d => d.ClosedAt is null ? 0 : 1).ThenByDescending(d => d.OpenedAt.UtcTicks)
            .Select(d => new DossierSummary(d.Id, d.Reference, d.OpenedAt, d.ClosedAt, d.InvolvesMinor, d.ReflectionPeriodEnd,
                RetentionRules.DossierPurgeDueAt(d.ClosedAt, d.Purged, retention), d.Purged))];
    }

    /// <summary>How many dossiers the list shows with this filter: the numbers the dashboard links to the list with.</summary>
    public static Task<int> CountAsync(MeldrouteDbContext db, ClaimsPrincipal user, DateTimeOffset now, DossierFilter filter, CancellationToken cancellationToken) =>
        Visible(db, user, now, filter).CountAsync(cancellationToken);

    private static IQueryable<VictimDossier> Visible(MeldrouteDbContext db, ClaimsPrincipal user, DateTimeOffset now, DossierFilter filter)
    {
        var query = db.VictimDossiers.AsNoTracking();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (!user.IsInRole(Roles.VictimCareCoordinator))
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            query = query.Where(d => db.DossierAccessGrants.Any(g => g.DossierId == d.Id && g.UserId == userId && g.RevokedAt == null && g.EndsOn >= today));
        }

        if (!filter.IncludeClosed)
        {
            query = query.Where(d => d.ClosedAt == null);
        }

        if (filter.ReflectionEnding)
        {
            // Only an open dossier's reflection period still matters to the coordinator.
            var until = today.AddDays(ReflectionEndingDays);
            query = query.Where(d => d.ClosedAt == null && d.ReflectionPeriodEnd != null && d.ReflectionPeriodEnd >= today && d.ReflectionPeriodEnd <= until);
        }

        return query;
    }
}
