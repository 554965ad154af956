using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Meldroute.Web.Features.Shared;

namespace Meldroute.Web.Features.Shared;

/// <summary>A record whose changes run through <see cref="AggregateChanges"/>: it has a version and a reference the audit log names it by.</summary>
public interface IAggregate : IVersioned
{
    Guid Id { get; }

    string Reference { get; }
}

/// <summary>What <see cref="AggregateChanges"/> needs to know of a kind of aggregate.</summary>
/// <param name="AuditObject">Its object type in the audit log ("signal", "victim-dossier").</param>
/// <param name="ChangedByOtherKey">The resource key of the message for a concurrent edit; its argument is the reference.</param>
/// <param name="Load">Loads it, tracked, with what its changes need.</param>
public sealed record AggregateKind<TAggregate>(string AuditObject, string ChangedByOtherKey, Func<MeldrouteDbContext, Guid, CancellationToken, Task<TAggregate?>> Load)
    where TAggregate : class, IAggregate;

/// <summary>A change request that carries the version of the record the user saw.</summary>
public interface IVersionedRequest
{
    Guid? Version { get; set; }
}

/// <summary>
/// The one way a change to a signal or a victim dossier runs; injected once per request. It loads the record, checks the
/// resource requirement (refused: a 404 and an audit event, as if it did not exist) and the version the user saw,
/// applies the change and saves it with its audit events in one transaction. Another user's save in between is a
/// conflict, never silently overwritten.
/// </summary>
public sealed class AggregateChanges(
    MeldrouteDbContext db,
    IAuthorizationService authorization,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t)
{
    public MeldrouteDbContext Db { get; } = db;

    public IStringLocalizer<SharedResource> T { get; } = t;

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public AuditTrail Audit { get; } = audit;

    /// <summary>Further audit events a change asks for; written after the change is saved, in its transaction.</summary>
    public List<AuditEntry> AlsoAudit { get; } = [];

    /// <summary>Runs <paramref name="change"/>, which answers null to go ahead or the outcome that stops it (invalid input, a refused move).</summary>
    /// <param name="section">What part of the record the change is about, in the audit events (null: the record as a whole).</param>
    /// <param name="result">The answer after the save, from the saved record (its new version).</param>
    public async Task<Outcome<TResult>> RunAsync<TAggregate, TResult>(
        AggregateKind<TAggregate> kind,
        ClaimsPrincipal user,
        Guid id,
        Guid? expectedVersion,
        IAuthorizationRequirement requirement,
        string auditAction,
        string? section,
        Func<TAggregate, Task<Outcome<TResult>?>> change,
        Func<TAggregate, TResult> result,
        CancellationToken cancellationToken)
        where TAggregate : class, IAggregate
    {
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var aggregate = await kind.Load(Db, id, cancellationToken);
        if (aggregate is null || !(await authorization.AuthorizeAsync(user, aggregate, requirement)).Succeeded)
        {
            await Audit.RecordAsync(new AuditEntry(auditAction, AuditOutcome.Denied, kind.AuditObject, aggregate?.Reference ?? id.ToString(), section), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Outcome<TResult>.NotFound();
        }

        if (expectedVersion is { } version && version != aggregate.Version)
        {
            return Outcome<TResult>.Conflict(T[kind.ChangedByOtherKey, aggregate.Reference]);
        }

        Db.Entry(aggregate).Property(a => a.Version).OriginalValue = aggregate.Version;
        if (await change(aggregate) is { } stopped)
        {
            return stopped;
        }

        // Children are added through the context; a new version marks the record itself as changed, so that a
        // concurrent editor holding the old version is refused.
        aggregate.Version = Guid.NewGuid();
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<TResult>.Conflict(T[kind.ChangedByOtherKey, aggregate.Reference]);
        }

        await Audit.RecordAsync(new AuditEntry(auditAction, AuditOutcome.Success, kind.AuditObject, aggregate.Reference, section), cancellationToken);
        foreach (var entry in AlsoAudit)
        {
            await Audit.RecordAsync(entry, cancellationToken);
        }

        AlsoAudit.Clear();
        await transaction.CommitAsync(cancellationToken);
        return Outcome<TResult>.Ok(result(aggregate));
    }
}
