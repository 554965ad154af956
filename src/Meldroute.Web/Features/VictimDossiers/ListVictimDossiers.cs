using System.Security.Claims;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>A row of the dossier list: no personal data, so the list itself needs no read audit.</summary>
public sealed record DossierSummary(Guid Id, string Reference, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, bool InvolvesMinor, DateOnly? ReflectionPeriodEnd, DateTimeOffset? PurgeDueAt, bool Purged);

/// <summary>What the dossier list shows: open dossiers, or closed ones too; optionally only those whose reflection period ends soon.</summary>
public sealed record DossierFilter(bool IncludeClosed = false, bool ReflectionEnding = false);

/// <summary>
/// ListVictimDossiers: the coordinator sees every dossier; anyone else only the dossiers they hold an active grant
/// for (usually none — and then the list says nothing about other dossiers). Open dossiers first, then closed ones, each
/// newest first, a page at a time (keyset pagination, <see cref="PageCursor"/>): the open ones and the closed ones each
/// from its own partial index on (municipality, opened, reference).
/// </summary>
public static class ListVictimDossiers
{
    /// <summary>A reflection period "ends soon" when it ends today or within this many days (the coordinator's dashboard and the list's filter).</summary>
    public const int ReflectionEndingDays = 14;

    public const int PageSize = 25;

    /// <summary>The API's page, and its most.</summary>
    public const int LimitMax = 100;

    private const string Kind = "dossiers";

    public static async Task<Outcome<KeysetPage<DossierSummary>>> HandleAsync(
        MeldrouteDbContext db, IStringLocalizer t, ClaimsPrincipal user, DateTimeOffset now, RetentionOptions retention, DossierFilter filter, string? cursorText, int limit, CancellationToken cancellationToken)
    {
        if (!PageCursor.TryDecode(cursorText, Kind, 3, out var cursor)
            || (cursor is not null && !(cursor.TryInt(0, out var segment) && segment is 0 or 1 && cursor.TryInstant(1, out _) && cursor.TryReference(2, out _))))
        {
            return Outcome<KeysetPage<DossierSummary>>.Invalid(PageCursor.Error(t));
        }

        var query = Visible(db, user, now, filter);
        var page = await KeysetPage<Row>.ReadAsync(cursor, Math.Clamp(limit, 1, LimitMax), (at, count) => ReadAsync(query, filter.IncludeClosed, at, count, cancellationToken),
            (d, before) => new PageCursor(Kind, before, [d.ClosedAt is null ? "0" : "1", PageCursor.Of(d.OpenedAt), d.Reference]));
        return Outcome<KeysetPage<DossierSummary>>.Ok(page.Select(d => new DossierSummary(d.Id, d.Reference, d.OpenedAt, d.ClosedAt, d.InvolvesMinor, d.ReflectionPeriodEnd,
            RetentionRules.DossierPurgeDueAt(d.ClosedAt, d.Purged, retention), d.Purged)));
    }

    private sealed record Row(Guid Id, string Reference, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, bool InvolvesMinor, DateOnly? ReflectionPeriodEnd, bool Purged);

    /// <summary>From the cursor on: the rest of its part (open or closed), then the other part when the page is not full.</summary>
    private static async Task<List<Row>> ReadAsync(IQueryable<VictimDossier> query, bool includeClosed, PageCursor? cursor, int count, CancellationToken cancellationToken)
    {
        var backward = cursor?.Backward == true;
        var closedFirst = cursor is not null && cursor.Key[0] == "1";
        // Forward: open, then closed; backward: closed, then open. The cursor's part first, from the cursor.
        bool[] parts = backward ? (closedFirst ? [true, false] : [false]) : (closedFirst ? [true] : [false, true]);
        var rows = new List<Row>();
        foreach (var closed in parts.Where(c => includeClosed || !c))
        {
            var part = closed ? query.Where(d => d.ClosedAt != null) : query.Where(d => d.ClosedAt == null);
            if (cursor is not null && closed == closedFirst)
            {
                cursor.TryInstant(1, out var at);
                var reference = cursor.Key[2];
                part = backward
                    ? part.Where(d => d.OpenedAt >= at && (d.OpenedAt > at || string.Compare(d.Reference, reference) > 0))
                    : part.Where(d => d.OpenedAt <= at && (d.OpenedAt < at || string.Compare(d.Reference, reference) < 0));
            }

            part = backward ? part.OrderBy(d => d.OpenedAt).ThenBy(d => d.Reference) : part.OrderByDescending(d => d.OpenedAt).ThenByDescending(d => d.Reference);
            rows.AddRange(await part.Take(count - rows.Count)
                .Select(d => new Row(d.Id, d.Reference, d.OpenedAt, d.ClosedAt, d.InvolvesMinor, d.ReflectionPeriodEnd, d.DeletionReceipt != null))
                .ToListAsync(cancellationToken));
            if (rows.Count >= count)
            {
                break;
            }
        }

        return rows;
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
