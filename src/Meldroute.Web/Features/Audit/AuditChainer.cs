using System.Data.Common;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Meldroute.Web.Features.Audit;

/// <summary>
/// Links committed <see cref="PendingAuditEvent"/>s into the audit chain on PostgreSQL (see <see cref="AuditTrail"/>
/// for why). <see cref="AuditChainInterceptor"/> calls it right after every commit that added audit events, and the
/// request waits for it, so an answered request's events are in the chain. One run links every pending event of every
/// instance in one short transaction under the chain lock; requests that commit while a run is going wait for the
/// next run instead of each starting their own, so under load one run links many events.
/// <see cref="AuditChainJob"/> sweeps up what a crash between commit and link left behind.
/// </summary>
public sealed class AuditChainer(IServiceScopeFactory scopes, ILogger<AuditChainer> logger)
{
    private const int Batch = 1000;
    private readonly SemaphoreSlim gate = new(1, 1);
    private long committed;
    private long linkedThrough;

    /// <summary>Whether this database stores audit events unlinked and links them after the commit.</summary>
    public static bool LinksAfterCommit(MeldrouteDbContext db) => db.Database.IsNpgsql();

    /// <summary>
    /// Returns once every audit event committed before the call is linked. Never throws for a failed run: the
    /// caller's change is committed already and must not look failed; the sweep links the event later.
    /// </summary>
    public async Task LinkCommittedAsync()
    {
        // A ticket taken after the caller's commit: a run that starts after this sees the caller's events.
        var ticket = Interlocked.Increment(ref committed);
        // Not cancelled with the request: its change is committed, and its event should be linked even if the caller left.
        await gate.WaitAsync(CancellationToken.None);
        try
        {
            if (Volatile.Read(ref linkedThrough) >= ticket)
            {
                return;
            }

            var covers = Volatile.Read(ref committed);
            await LinkPendingAsync(CancellationToken.None);
            Volatile.Write(ref linkedThrough, covers);
        }
        catch (Exception e) when (e is DbUpdateException or DbException or InvalidOperationException or TimeoutException)
        {
            logger.LogError("Linking audit events into the chain failed ({Failure}); the sweep tries again.", e.GetType().Name);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Links every pending event, oldest first, in batches; answers how many.</summary>
    public async Task<int> LinkPendingAsync(CancellationToken cancellationToken)
    {
        var linked = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Linking does not wait for its own flush to disk (it is the one serialised step): the pending events are on
            // disk already with the change they record, so a crash that loses a link leaves them pending, and the next
            // run links them again from the same head in the same order — to the same sequence numbers and hashes.
            // The chain's write lock (see WriteLock) in the same round trip.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off; SELECT pg_advisory_xact_lock({0})", [WriteLock.AuditChain], cancellationToken);
            var pending = await db.PendingAuditEvents.OrderBy(p => p.Id).Take(Batch).ToListAsync(cancellationToken);
            if (pending.Count == 0)
            {
                return linked;
            }

            await AppendAsync(db, pending.Select(Linked), cancellationToken);
            db.PendingAuditEvents.RemoveRange(pending);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            linked += pending.Count;
            if (pending.Count < Batch)
            {
                return linked;
            }
        }
    }

    /// <summary>Links events, in the order given, after the chain's head; the caller holds the chain lock.</summary>
    internal static async Task AppendAsync(MeldrouteDbContext db, IEnumerable<AuditEvent> events, CancellationToken cancellationToken)
    {
        var head = await db.AuditChainHeads.SingleOrDefaultAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        var sequence = head?.LastSequence ?? 0;
        var previous = head?.LastHash ?? AuditChain.Genesis;
        foreach (var e in events)
        {
            e.Sequence = ++sequence;
            e.PreviousHash = previous;
            e.Hash = AuditChain.ComputeHash(e);
            previous = e.Hash;
            db.AuditEvents.Add(e);
        }

        if (head is null)
        {
            db.AuditChainHeads.Add(new AuditChainHead { LastSequence = sequence, LastHash = previous });
        }
        else
        {
            head.LastSequence = sequence;
            head.LastHash = previous;
        }
    }

    internal static PendingAuditEvent Pending(AuditEvent e) => new()
    {
        OccurredAt = e.OccurredAt,
        ActorId = e.ActorId,
        ActorRole = e.ActorRole,
        Action = e.Action,
        ObjectType = e.ObjectType,
        ObjectId = e.ObjectId,
        Outcome = e.Outcome,
        Purpose = e.Purpose,
        CorrelationId = e.CorrelationId,
        ClientAddress = e.ClientAddress,
        MunicipalityId = e.MunicipalityId,
    };

    private static AuditEvent Linked(PendingAuditEvent p) => new()
    {
        // PostgreSQL keeps microseconds; the hash is over whole milliseconds, as for an event linked right away.
        OccurredAt = AuditChain.Normalize(p.OccurredAt),
        ActorId = p.ActorId,
        ActorRole = p.ActorRole,
        Action = p.Action,
        ObjectType = p.ObjectType,
        ObjectId = p.ObjectId,
        Outcome = p.Outcome,
        Purpose = p.Purpose,
        CorrelationId = p.CorrelationId,
        ClientAddress = p.ClientAddress,
        MunicipalityId = p.MunicipalityId,
        PreviousHash = "",
        Hash = "",
    };
}

/// <summary>Runs <see cref="AuditChainer"/> after each commit that added audit events, and forgets them on a rollback.</summary>
public sealed class AuditChainInterceptor(AuditChainer chainer) : DbTransactionInterceptor
{
    // Events are only ever added inside a transaction, after it started. Contexts are pooled, and one whose transaction
    // was disposed without commit or rollback could otherwise hand a stale flag to its next request.
    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return ValueTask.FromResult(result);
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Forget(eventData);
        return result;
    }

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is MeldrouteDbContext { AuditEventsAwaitChain: true } db)
        {
            db.AuditEventsAwaitChain = false;
            await chainer.LinkCommittedAsync();
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is MeldrouteDbContext { AuditEventsAwaitChain: true } db)
        {
            db.AuditEventsAwaitChain = false;
            // No synchronous path in the app commits audit events; should one appear, the sweep links its events.
        }
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    private static void Forget(TransactionEndEventData eventData)
    {
        if (eventData.Context is MeldrouteDbContext db)
        {
            db.AuditEventsAwaitChain = false;
        }
    }
}

/// <summary>Links pending audit events left behind by a crash (or a failed run) between a commit and its link, every half minute.</summary>
public sealed class AuditChainJob(AuditChainer chainer, ILogger<AuditChainJob> logger, Infrastructure.DatabasePreparation preparation) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await preparation.WaitAsync(stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
                var linked = await chainer.LinkPendingAsync(stoppingToken);
                if (linked > 0)
                {
                    logger.LogWarning("Linked {Count} audit events that were left unlinked.", linked);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or DbException or InvalidOperationException or TimeoutException)
            {
                logger.LogError("Linking left-over audit events failed ({Failure}); the next round tries again.", e.GetType().Name);
            }
        }
    }
}
