using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Observability;

namespace Meldroute.Web.Features.Forwarding;

/// <summary>
/// Marking a route handed over, the same for an officer's confirmation (ConfirmForwarding) and a partner's receipt
/// through a link (ConfirmHandoverReceipt): the victim track opens the shielded dossier first; the last route makes
/// the signal Forwarded and deletes its personal data for good, in the caller's transaction (<see cref="SignalPurge"/>).
/// </summary>
public static class RouteHandover
{
    /// <summary>Whether handing over this route leaves none to go, so that the personal data is deleted with it.</summary>
    public static bool IsLast(IEnumerable<DecisionRoute> routes, DecisionRoute route) =>
        routes.Where(r => r.NeedsForwarding && r.Id != route.Id).All(r => r.ForwardedAt is not null);

    public static async Task<Outcome<SignalChanged>?> CompleteAsync(
        SignalChanges c, Signal signal, IReadOnlyList<DecisionRoute> routes, DecisionRoute route, ForwardingChannel channel, DateTimeOffset forwardedAt, string forwardedById, CancellationToken cancellationToken)
    {
        route.ForwardedAt = forwardedAt;
        route.Channel = channel;
        route.ForwardedToPartnerId = route.RecipientPartnerId;
        route.ForwardedById = forwardedById;
        await HandoverLinks.RevokeOpenAsync(c.Db, route.Id, c.Now, cancellationToken);

        // The victim track opens the shielded dossier with the victims' data, before the signal's own is deleted.
        if (route.Route == Route.VictimTrack && await VictimDossiers.OpenVictimDossier.OpenOnceAsync(c.Db, signal, route.Id, forwardedById, c.Now, c.T, cancellationToken) is { } opened)
        {
            c.AlsoAudit.Add(opened);
        }

        if (routes.Where(r => r.NeedsForwarding).All(r => r.ForwardedAt is not null))
        {
            if (c.Move(signal, SignalStatus.Forwarded, null) is { } refused)
            {
                return refused;
            }

            var receipt = await SignalPurge.LoadAndApplyAsync(c.Db, signal, SignalPurge.OnForwardingRule, c.Now, cancellationToken);
            c.AlsoAudit.Add(new Audit.AuditEntry("signal.purged", Audit.AuditOutcome.Success, "signal", signal.Reference, receipt.Summary()));
        }

        return null;
    }

    /// <summary>
    /// Once committed: only the last hand-over moves the signal to Forwarded and purges it; then it is counted and the
    /// purged values' old pages are wiped from the database files (<see cref="DeletedPages"/>).
    /// </summary>
    public static async Task<Outcome<SignalChanged>> AfterCommitAsync(SignalChanges c, Outcome<SignalChanged> outcome, CancellationToken cancellationToken)
    {
        if (outcome is { Kind: OutcomeKind.Ok, Value.Status: SignalStatus.Forwarded })
        {
            MeldrouteMetrics.SignalForwarded();
            MeldrouteMetrics.SignalPurged(SignalPurge.OnForwardingRule);
            await DeletedPages.WipeAsync(c.Db, cancellationToken);
        }

        return outcome;
    }
}
