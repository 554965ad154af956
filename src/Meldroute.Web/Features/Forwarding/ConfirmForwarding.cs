using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Observability;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Forwarding;

public sealed class ConfirmForwardingRequest : IVersionedRequest
{
    public Guid? Version { get; set; }

    public Guid? RouteId { get; set; }

    /// <summary>The partner it went to (one of the route's partners).</summary>
    public int? PartnerId { get; set; }

    public ForwardingChannel? Channel { get; set; }

    public DateOnly? ForwardedOn { get; set; }
}

/// <summary>
/// ConfirmForwarding: an officer confirms that one route was handed over (partner, channel, date, by whom). When
/// every route of the decision is confirmed the signal becomes Forwarded and its personal data is deleted for good
/// in the same transaction (<see cref="SignalPurge"/>).
/// </summary>
public static class ConfirmForwarding
{
    public static async Task<Outcome<SignalChanged>> HandleAsync(SignalChanges c, ClaimsPrincipal user, Guid signalId, ConfirmForwardingRequest r, CancellationToken cancellationToken)
    {
        var outcome = await ConfirmAsync(c, user, signalId, r, cancellationToken);
        // Counted once committed: only the last confirmation moves the signal to Forwarded (and purges it).
        if (outcome is { Kind: OutcomeKind.Ok, Value.Status: SignalStatus.Forwarded })
        {
            MeldrouteMetrics.SignalForwarded();
            MeldrouteMetrics.SignalPurged(SignalPurge.OnForwardingRule);
        }

        return outcome;
    }

    private static Task<Outcome<SignalChanged>> ConfirmAsync(SignalChanges c, ClaimsPrincipal user, Guid signalId, ConfirmForwardingRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(user, signalId, r.Version, "signal.forwarding.confirmed", async signal =>
        {
            var routes = await c.Db.DecisionRoutes.Where(x => x.SignalId == signal.Id).ToListAsync(cancellationToken);
            var route = routes.SingleOrDefault(x => x.Id == r.RouteId);
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (route is null || !route.NeedsForwarding)
            {
                errors[nameof(r.RouteId)] = [c.T["Confirm_RouteRequired"]];
            }
            else if (r.PartnerId is null || !route.PartnerIdList.Contains(r.PartnerId.Value))
            {
                errors[nameof(r.PartnerId)] = [c.T["Confirm_PartnerRequired"]];
            }

            if (r.Channel is null || !Enum.IsDefined(r.Channel.Value))
            {
                errors[nameof(r.Channel)] = [c.T["Confirm_ChannelRequired"]];
            }

            var today = DateOnly.FromDateTime(c.Now.UtcDateTime);
            if (r.ForwardedOn is null || r.ForwardedOn > today.AddDays(1))
            {
                errors[nameof(r.ForwardedOn)] = [c.T["Confirm_DateRequired"]];
            }

            if (errors.Count > 0)
            {
                return Outcome<SignalChanged>.Invalid(errors);
            }

            if (route!.ForwardedAt is not null)
            {
                return Outcome<SignalChanged>.Conflict(c.T["Confirm_AlreadyConfirmed"]);
            }

            if (PrepareForwarding.Refusal(signal, route, c.T) is { } notNow)
            {
                return Outcome<SignalChanged>.Conflict(notNow);
            }

            route.ForwardedAt = new DateTimeOffset(r.ForwardedOn!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            route.Channel = r.Channel;
            route.ForwardedToPartnerId = r.PartnerId;
            route.ForwardedById = user.FindFirstValue(ClaimTypes.NameIdentifier);

            // The victim track opens the shielded dossier with the victims' data, before the signal's own is deleted.
            if (route.Route == Route.VictimTrack && await VictimDossiers.OpenVictimDossier.OpenOnceAsync(c.Db, signal, route.ForwardedById!, c.Now, c.T, cancellationToken) is { } opened)
            {
                c.AlsoAudit.Add(opened);
            }

            if (routes.Where(x => x.NeedsForwarding).All(x => x.ForwardedAt is not null))
            {
                if (c.Move(signal, SignalStatus.Forwarded, null) is { } refused)
                {
                    return refused;
                }

                var receipt = await SignalPurge.LoadAndApplyAsync(c.Db, signal, SignalPurge.OnForwardingRule, c.Now, cancellationToken);
                c.AlsoAudit.Add(new Audit.AuditEntry("signal.purged", Audit.AuditOutcome.Success, "signal", signal.Reference, receipt.Summary()));
            }

            return null;
        }, cancellationToken);
}
