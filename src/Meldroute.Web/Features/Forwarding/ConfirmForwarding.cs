using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Forwarding;

public sealed class ConfirmForwardingRequest : IVersionedRequest
{
    public Guid? Version { get; set; }

    public Guid? RouteId { get; set; }

    /// <summary>The partner it went to: the recipient the route's balancing of interests names.</summary>
    public int? PartnerId { get; set; }

    /// <summary>How it went: RIEC-IS, secure mail, phone, in person (a link confirms itself, ConfirmHandoverReceipt).</summary>
    public ForwardingChannel? Channel { get; set; }

    public DateOnly? ForwardedOn { get; set; }

    /// <summary>
    /// Must be true when this is the last route: confirming it deletes the signal's personal data for good, so the
    /// caller states that it knows (the page asks in a second step).
    /// </summary>
    public bool? Confirm { get; set; }
}

/// <summary>
/// ConfirmForwarding: an officer confirms that one route was handed over outside Meldroute (partner, channel, date, by
/// whom). When every route of the decision is handed over the signal becomes Forwarded and its personal data is
/// deleted for good in the same transaction (<see cref="RouteHandover"/>).
/// </summary>
public static class ConfirmForwarding
{
    /// <summary>The field the missing confirmation is reported on (the page turns it into its second step).</summary>
    public const string ConfirmField = nameof(ConfirmForwardingRequest.Confirm);

    public static async Task<Outcome<SignalChanged>> HandleAsync(SignalChanges c, ClaimsPrincipal user, Guid signalId, ConfirmForwardingRequest r, CancellationToken cancellationToken) =>
        await RouteHandover.AfterCommitAsync(c, await c.RunAsync(user, signalId, r.Version, "signal.forwarding.confirmed", async signal =>
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
            else if (route.RecipientPartnerId is { } recipient && r.PartnerId != recipient)
            {
                errors[nameof(r.PartnerId)] = [c.T["Confirm_PartnerNotRecipient"]];
            }

            if (r.Channel is null || !Enum.IsDefined(r.Channel.Value) || r.Channel == ForwardingChannel.HandoverLink)
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

            if (RouteHandover.IsLast(routes, route) && r.Confirm != true)
            {
                return Outcome<SignalChanged>.Invalid(ConfirmField, c.T["Confirm_DeletesData"]);
            }

            var at = new DateTimeOffset(r.ForwardedOn!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return await RouteHandover.CompleteAsync(c, signal, routes, route, r.Channel!.Value, at, user.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        }, cancellationToken), cancellationToken);
}
