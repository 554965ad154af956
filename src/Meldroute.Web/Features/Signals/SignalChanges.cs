using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Signals;

/// <summary>The answer to a change: the signal's new status and version (for the next change).</summary>
public sealed record SignalChanged(Guid Id, string Reference, SignalStatus Status, Guid Version);

/// <summary>
/// Something that reacts to every change of a signal (the reporter's status mail): before the change it takes what it
/// needs of the signal (the change may purge it) and answers what to do once the change is made, in its transaction.
/// </summary>
public interface ISignalChangeObserver
{
    Func<CancellationToken, Task> BeforeChange(Signal signal);
}

/// <summary>
/// Every change to a signal by an officer (analyse, schedule, decide, balance, forward, close, give feedback) runs here:
/// through <see cref="AggregateChanges"/> with the <see cref="HandleSignalRequirement"/>, stamping the change's time and
/// telling the observers.
/// </summary>
public sealed class SignalChanges(AggregateChanges changes, IEnumerable<ISignalChangeObserver> observers)
{
    public MeldrouteDbContext Db => changes.Db;

    public IStringLocalizer<SharedResource> T => changes.T;

    public DateTimeOffset Now => changes.Now;

    public AuditTrail Audit => changes.Audit;

    /// <summary>Further audit events a change asks for; written after the change is saved, in its transaction.</summary>
    public List<AuditEntry> AlsoAudit => changes.AlsoAudit;

    /// <summary>Runs a change of the signal; <paramref name="change"/> answers null to go ahead or the outcome that stops it.</summary>
    public Task<Outcome<SignalChanged>> RunAsync(
        ClaimsPrincipal user, Guid signalId, Guid? expectedVersion, string auditAction, Func<Signal, Task<Outcome<SignalChanged>?>> change, CancellationToken cancellationToken) =>
        RunAsync(user, signalId, expectedVersion, new HandleSignalRequirement(), auditAction, change, cancellationToken);

    /// <summary>A change under another requirement than an officer's: a partner confirming receipt through a one-time link.</summary>
    public Task<Outcome<SignalChanged>> RunAsync(
        ClaimsPrincipal user, Guid signalId, Guid? expectedVersion, IAuthorizationRequirement requirement, string auditAction, Func<Signal, Task<Outcome<SignalChanged>?>> change, CancellationToken cancellationToken) =>
        changes.RunAsync(Signal.Kind, user, signalId, expectedVersion, requirement, auditAction, section: null, async signal =>
            {
                var afterwards = observers.Select(o => o.BeforeChange(signal)).ToList();
                if (await change(signal) is { } stopped)
                {
                    return stopped;
                }

                signal.LastChangedAt = Now;
                foreach (var after in afterwards)
                {
                    await after(cancellationToken);
                }

                return null;
            },
            signal => new SignalChanged(signal.Id, signal.Reference, signal.Status, signal.Version),
            cancellationToken);

    /// <summary>A state-machine move as an outcome: refused moves are conflicts with a Dutch message.</summary>
    public Outcome<SignalChanged>? Move(Signal signal, SignalStatus to, string? reason)
    {
        var from = signal.Status;
        var check = signal.MoveTo(to, reason, Now);
        return check.IsAllowed ? null : Refused(check, from, to, T);
    }

    /// <summary>A refused move as an outcome, also for a step that checks before it asks for confirmation (CloseSignal.Check).</summary>
    public static Outcome<SignalChanged> Refused(TransitionCheck check, SignalStatus from, SignalStatus to, IStringLocalizer t) =>
        check.Refusal == TransitionRefusal.ReasonRequired
            ? Outcome<SignalChanged>.Invalid("Reason", t["Signal_ReasonRequired"])
            : Outcome<SignalChanged>.Conflict(t["Signal_TransitionRefused", t["Status_" + from], t["Status_" + to]]);
}
