using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Retention;

/// <summary>A purge that is coming: what, when, by which rule — never content.</summary>
public sealed record UpcomingPurge(Guid ItemId, string Reference, string Rule, DateTimeOffset DueAt, bool OnHold, Guid? HoldId);

/// <summary>ListUpcomingPurges: the signals and victim dossiers whose personal data a retention rule will delete, and when; held ones marked.</summary>
public static class ListUpcomingPurges
{
    public static async Task<IReadOnlyList<UpcomingPurge>> HandleAsync(MeldrouteDbContext db, RetentionOptions o, CancellationToken cancellationToken)
    {
        var rows = await db.Signals.AsNoTracking()
            .Where(s => s.Status == SignalStatus.ClosedWithoutAction && s.DeletionReceipt == null)
            .Select(s => new { s.Id, s.Reference, s.Status, s.ClosedAt })
            .ToListAsync(cancellationToken);
        var dossiers = await db.VictimDossiers.AsNoTracking()
            .Where(d => d.ClosedAt != null && d.DeletionReceipt == null)
            .Select(d => new { d.Id, d.Reference, d.ClosedAt }).ToListAsync(cancellationToken);
        var held = await LegalHold.ActiveAsync(db, cancellationToken);
        var items = rows
            .Select(s => (s.Id, s.Reference, Rule: RetentionRules.ClosedWithoutActionRule, Due: RetentionRules.PurgeDueAt(s.Status, s.ClosedAt, purged: false, o)))
            .Concat(dossiers.Select(d => (d.Id, d.Reference, Rule: RetentionRules.VictimDossierRule, Due: RetentionRules.DossierPurgeDueAt(d.ClosedAt, purged: false, o))));
        return [.. items
            .Where(x => x.Due is not null)
            .Select(x => new UpcomingPurge(x.Id, x.Reference, x.Rule, x.Due!.Value, held.ContainsKey(x.Id), held.TryGetValue(x.Id, out var hold) ? hold : null))
            .OrderBy(p => p.DueAt.UtcTicks)];
    }
}
