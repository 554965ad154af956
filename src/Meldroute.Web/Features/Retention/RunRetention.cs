using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Retention;

public sealed record RetentionResult(int Purged, int OnHold, int Stuck);

/// <summary>A purge that is coming: what, when, by which rule — never content.</summary>
public sealed record UpcomingPurge(Guid SignalId, string Reference, string Rule, DateTimeOffset DueAt, bool OnHold, Guid? HoldId);

/// <summary>
/// Applies the retention rules: signals closed without action lose their personal data after the term (with a
/// deletion receipt and an audit event), unless a legal hold stops it; signals stuck in intake are counted for the
/// officers' attention. Run daily by <see cref="RetentionJob"/> and on demand by `retention run`.
/// </summary>
public sealed class RunRetention(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IOptions<RetentionOptions> options)
{
    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        var candidates = await db.Signals.AsNoTracking()
            .Where(s => s.Status == SignalStatus.ClosedWithoutAction)
            .Select(s => new { s.Id, s.Status, s.ClosedAt, Purged = s.DeletionReceipt != null })
            .ToListAsync(cancellationToken);
        var held = await ActiveHoldsAsync(cancellationToken);
        int purged = 0, onHold = 0;
        foreach (var c in candidates.Where(c => RetentionRules.IsDue(c.Status, c.ClosedAt, c.Purged, onHold: false, now, o)))
        {
            if (held.ContainsKey(c.Id))
            {
                onHold++;
                continue;
            }

            await PurgeAsync(c.Id, now, cancellationToken);
            purged++;
        }

        var open = await db.Signals.AsNoTracking()
            .Where(s => s.Status == SignalStatus.Received || s.Status == SignalStatus.InAnalysis)
            .Select(s => new { s.Status, s.ReceivedAt }).ToListAsync(cancellationToken);
        var stuck = open.Count(s => RetentionRules.IsStuck(s.Status, s.ReceivedAt, now, o));
        await audit.RecordAsync(new AuditEntry("retention.run", AuditOutcome.Success, "retention", null, $"purged={purged}, on-hold={onHold}, stuck={stuck}"), cancellationToken);
        return new RetentionResult(purged, onHold, stuck);
    }

    public async Task<IReadOnlyList<UpcomingPurge>> UpcomingAsync(CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var rows = await db.Signals.AsNoTracking()
            .Where(s => s.Status == SignalStatus.ClosedWithoutAction && s.DeletionReceipt == null)
            .Select(s => new { s.Id, s.Reference, s.Status, s.ClosedAt })
            .ToListAsync(cancellationToken);
        var held = await ActiveHoldsAsync(cancellationToken);
        return [.. rows
            .Select(s => (s, due: RetentionRules.PurgeDueAt(s.Status, s.ClosedAt, purged: false, o)))
            .Where(x => x.due is not null)
            .Select(x => new UpcomingPurge(x.s.Id, x.s.Reference, RetentionRules.ClosedWithoutActionRule, x.due!.Value, held.ContainsKey(x.s.Id), held.TryGetValue(x.s.Id, out var hold) ? hold : null))
            .OrderBy(p => p.DueAt.UtcTicks)];
    }

    private async Task<Dictionary<Guid, Guid>> ActiveHoldsAsync(CancellationToken cancellationToken) =>
        (await db.Set<LegalHold>().AsNoTracking().Where(h => h.LiftedAt == null).Select(h => new { h.SignalId, h.Id }).ToListAsync(cancellationToken))
            .GroupBy(h => h.SignalId).ToDictionary(g => g.Key, g => g.First().Id);

    private async Task PurgeAsync(Guid signalId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var signal = await db.Signals.Include(s => s.People).SingleAsync(s => s.Id == signalId, cancellationToken);
        var agenda = await db.AgendaItems.Where(a => a.SignalId == signalId).ToListAsync(cancellationToken);
        var balancing = await db.BalancingOfInterests.Where(b => b.SignalId == signalId).ToListAsync(cancellationToken);
        var routes = await db.DecisionRoutes.Where(r => r.SignalId == signalId).ToListAsync(cancellationToken);
        var receipt = SignalPurge.Apply(signal, agenda, balancing, routes, RetentionRules.ClosedWithoutActionRule, now);
        db.IdempotencyRecords.RemoveRange(await db.IdempotencyRecords.Where(k => k.SignalId == signalId).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("signal.purged", AuditOutcome.Success, "signal", signal.Reference, receipt.Summary()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
