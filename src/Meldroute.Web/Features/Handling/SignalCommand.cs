using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Handling;

/// <summary>The services every change to a signal needs; injected once per request.</summary>
public sealed class SignalCommandContext(
    MeldrouteDbContext db,
    IAuthorizationService authorization,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t,
    Notifications.SignalNotifications notifications)
{
    public MeldrouteDbContext Db { get; } = db;

    public AuditTrail Audit { get; } = audit;

    public IStringLocalizer<SharedResource> T { get; } = t;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Further audit events a change asks for; written after the change is saved, in its transaction.</summary>
    public List<AuditEntry> AlsoAudit { get; } = [];

    /// <summary>
    /// Loads the signal, checks that the user may handle it and still holds its current version, applies the change
    /// and saves it with its audit event in one transaction. Another user's save in between is a conflict, never
    /// silently overwritten.
    /// </summary>
    /// <remarks>The change answers null to go ahead, or the outcome that stops it (invalid input, a refused move).</remarks>
    public async Task<Outcome<SignalChanged>> RunAsync(
        ClaimsPrincipal user, Guid signalId, Guid? expectedVersion, string auditAction, Func<Signal, Task<Outcome<SignalChanged>?>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var signal = await GetSignal.Load(Db, signalId, cancellationToken);
        if (signal is null || !(await authorization.AuthorizeAsync(user, signal, new HandleSignalRequirement())).Succeeded)
        {
            await Audit.RecordAsync(new AuditEntry(auditAction, AuditOutcome.Denied, "signal", signal?.Reference ?? signalId.ToString()), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Outcome<SignalChanged>.NotFound();
        }

        if (expectedVersion is { } version && version != signal.Version)
        {
            return Outcome<SignalChanged>.Conflict(T["Signal_ChangedByOther", signal.Reference]);
        }

        Db.Entry(signal).Property(s => s.Version).OriginalValue = signal.Version;
        var statusBefore = signal.Status;
        var mailboxSender = notifications.MailboxSender(signal);
        if (await change(signal) is { } stopped)
        {
            return stopped;
        }

        signal.LastChangedAt = Now;
        await notifications.ReporterStatusChangedAsync(signal, statusBefore, mailboxSender, cancellationToken);
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<SignalChanged>.Conflict(T["Signal_ChangedByOther", signal.Reference]);
        }

        await Audit.RecordAsync(new AuditEntry(auditAction, AuditOutcome.Success, "signal", signal.Reference), cancellationToken);
        foreach (var entry in AlsoAudit)
        {
            await Audit.RecordAsync(entry, cancellationToken);
        }

        AlsoAudit.Clear();
        await transaction.CommitAsync(cancellationToken);
        return Outcome<SignalChanged>.Ok(new SignalChanged(signal.Id, signal.Reference, signal.Status, signal.Version));
    }

    /// <summary>A state-machine move as an outcome: refused moves are conflicts with a Dutch message.</summary>
    public Outcome<SignalChanged>? Move(Signal signal, SignalStatus to, string? reason)
    {
        var check = signal.MoveTo(to, reason, Now);
        if (check.IsAllowed)
        {
            return null;
        }

        return check.Refusal == TransitionRefusal.ReasonRequired
            ? Outcome<SignalChanged>.Invalid("Reason", T["Signal_ReasonRequired"])
            : Outcome<SignalChanged>.Conflict(T["Signal_TransitionRefused", T["Status_" + signal.Status], T["Status_" + to]]);
    }
}

/// <summary>The answer to a change: the signal's new status and version (for the next change).</summary>
public sealed record SignalChanged(Guid Id, string Reference, SignalStatus Status, Guid Version);

/// <summary>A change request that carries the version of the signal the user saw.</summary>
public interface IVersionedRequest
{
    Guid? Version { get; set; }
}
