using System.Diagnostics;
using System.Security.Claims;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Audit;

/// <summary>What a feature tells the audit log; the trail adds who, when, where and the chain.</summary>
public sealed record AuditEntry(
    string Action,
    string Outcome,
    string? ObjectType = null,
    string? ObjectId = null,
    string? Purpose = null,
    string? ActorId = null,
    string? ActorRole = null);

public static class AuditOutcome
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Denied = "denied";
}

/// <summary>
/// Appends events to the hash-chained audit log. When the caller has a transaction open, the event joins it and
/// commits or rolls back with the caller's change.
/// <para>
/// Linking an event into the chain needs the chain's head, so linking is serialised across app instances (a
/// PostgreSQL advisory lock; SQLite's write lock through BEGIN IMMEDIATE). On SQLite every writer is serialised by the
/// file anyway, so the event is linked right away, inside the caller's transaction. On PostgreSQL a lock held until
/// the caller's commit would make every writing request wait for the previous one's commit (its fsync included), so
/// the event is stored unlinked (<see cref="PendingAuditEvent"/>) with the caller's change, and
/// <see cref="AuditChainer"/> links it right after the commit, before the request answers.
/// </para>
/// </summary>
public sealed class AuditTrail(MeldrouteDbContext db, TimeProvider clock, IHttpContextAccessor httpContextAccessor)
{
    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default) => RecordAsync([Describe(entry)], cancellationToken);

    /// <summary>
    /// The event for an entry, with who, when and where from the current request. Taken while the request is current,
    /// so that an event recorded later by someone else (the intake's group commit) still names its own request.
    /// </summary>
    public AuditEvent Describe(AuditEntry entry)
    {
        var http = httpContextAccessor.HttpContext;
        var user = http?.User;
        var actorId = entry.ActorId ?? user?.FindFirstValue(ClaimTypes.NameIdentifier);
        var actorRole = entry.ActorRole ?? (user is null ? null : string.Join(',', user.FindAll(ClaimTypes.Role).Select(c => c.Value)));
        return new AuditEvent
        {
            OccurredAt = AuditChain.Normalize(clock.GetUtcNow()),
            ActorId = actorId,
            ActorRole = string.IsNullOrEmpty(actorRole) ? null : actorRole,
            Action = entry.Action,
            ObjectType = entry.ObjectType,
            ObjectId = entry.ObjectId,
            Outcome = entry.Outcome,
            Purpose = entry.Purpose,
            CorrelationId = CorrelationId(http),
            ClientAddress = http?.Connection.RemoteIpAddress?.ToString(),
            MunicipalityId = db.CurrentMunicipalityId,
            PreviousHash = "",
            Hash = "",
        };
    }

    /// <summary>Records described events, in their order, with the context's pending changes.</summary>
    public async Task RecordAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default)
    {
        var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            if (AuditChainer.LinksAfterCommit(db))
            {
                db.PendingAuditEvents.AddRange(events.Select(AuditChainer.Pending));
                db.AuditEventsAwaitChain = true;
            }
            else
            {
                // SQLite: the transaction's write lock (BEGIN IMMEDIATE) already serialises the chain's writers.
                await AuditChainer.AppendAsync(db, events, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The W3C trace id of the request (its <c>traceparent</c> when the caller sent one), so that an auditor can go
    /// from a trace to its audit events and back. ASP.NET Core starts an activity per request that continues the
    /// caller's trace; without one (no listener at all) the header itself is read.
    /// </summary>
    internal static string? CorrelationId(HttpContext? http)
    {
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
        {
            return activity.TraceId.ToHexString();
        }

        if (http is not null && ActivityContext.TryParse(http.Request.Headers.TraceParent, http.Request.Headers.TraceState, out var remote))
        {
            return remote.TraceId.ToHexString();
        }

        return http?.TraceIdentifier;
    }

    /// <summary>
    /// Reads the whole chain in order and checks it. The chain, and so its check and its trimming, is the installation's:
    /// every municipality's events, past the query filter (an event of another municipality is hashed, never shown).
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        // Only up to the head read first: events appended meanwhile belong to a later check, and without a
        // snapshot they would look like a broken head. Streamed, not loaded: the log grows for years.
        var upTo = head?.LastSequence ?? long.MaxValue;
        var rows = db.AuditEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.Sequence <= upTo).OrderBy(e => e.Sequence).AsEnumerable();
        var result = AuditChain.Verify(rows, head);
        if (result.IsIntact && head is { CheckpointSequence: > 0 })
        {
            var recorded = await db.AuditEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.Action == TrimmedAction && e.Sequence <= upTo)
                .OrderByDescending(e => e.Sequence).Select(e => e.Purpose).FirstOrDefaultAsync(cancellationToken);
            if (!AuditChain.RecordsCheckpoint(recorded, head.CheckpointSequence, head.CheckpointHash))
            {
                return AuditVerification.Broken(result.RowsChecked, head.CheckpointSequence, AuditBreak.Checkpoint);
            }
        }

        return result;
    }

    public const string TrimmedAction = "audit.trimmed";

    /// <summary>
    /// The audit log's own retention (BIO: keep the log as long as needed, then remove it): removes whole days older
    /// than the term, leaves a checkpoint (sequence and hash of the last row removed) in the head, and records that
    /// checkpoint in the chain with an "audit.trimmed" event, in one transaction under the chain's lock.
    /// </summary>
    /// <returns>How many rows were removed.</returns>
    public async Task<int> TrimAsync(DateOnly removeBefore, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await WriteLock.AcquireAsync(db, WriteLock.AuditChain, cancellationToken);
        var cutoff = new DateTimeOffset(removeBefore.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var head = await db.AuditChainHeads.SingleOrDefaultAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        if (head is null)
        {
            return 0;
        }

        // The last row of the removed days: everything up to the first row on or after the cut-off.
        var firstKept = await db.AuditEvents.IgnoreQueryFilters().Where(e => e.OccurredAt >= cutoff).MinAsync(e => (long?)e.Sequence, cancellationToken) ?? head.LastSequence + 1;
        var last = await db.AuditEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.Sequence < firstKept).OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return 0;
        }

        var removed = await db.AuditEvents.IgnoreQueryFilters().Where(e => e.Sequence <= last.Sequence).ExecuteDeleteAsync(cancellationToken);
        head.CheckpointSequence = last.Sequence;
        head.CheckpointHash = last.Hash;
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(new AuditEntry(TrimmedAction, AuditOutcome.Success, "audit-log", null, AuditChain.CheckpointRecord(last.Sequence, last.Hash, removeBefore)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }
}
