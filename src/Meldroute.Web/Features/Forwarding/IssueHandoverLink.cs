using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Forwarding;

public sealed class IssueHandoverLinkRequest : IVersionedRequest
{
    public Guid? Version { get; set; }
}

/// <summary>The link to send to the recipient; the only time the token exists outside the recipient's mailbox.</summary>
public sealed record HandoverLinkIssued(Uri Url, DateTimeOffset ExpiresAt, string RecipientName, IReadOnlyList<string> RecipientAddresses, bool DeletesDataOnReceipt, Guid Version);

/// <summary>
/// IssueHandoverLink: a one-time link to one route's sheet for the recipient its balancing names, to be sent to the
/// partner's registered address. It replaces earlier links of the route and works until receipt or expiry
/// (Meldroute:HandoverLinkValidDays, default 7). The audit records the issue, never the token.
/// </summary>
public static class IssueHandoverLink
{
    public static async Task<Outcome<HandoverLinkIssued>> HandleAsync(
        SignalChanges c, MeldrouteOptions options, Uri baseUrl, ClaimsPrincipal user, Guid signalId, Guid routeId, IssueHandoverLinkRequest r, CancellationToken cancellationToken)
    {
        var token = HandoverLinks.NewToken();
        HandoverLink? issued = null;
        DecisionRoute? issuedFor = null;
        var isLast = false;
        var outcome = await c.RunAsync(user, signalId, r.Version, "handover.link.issued", async signal =>
        {
            var routes = await c.Db.DecisionRoutes.Where(x => x.SignalId == signal.Id).ToListAsync(cancellationToken);
            var route = routes.SingleOrDefault(x => x.Id == routeId);
            if (route is null)
            {
                return Outcome<SignalChanged>.NotFound();
            }

            if (PrepareForwarding.Refusal(signal, route, c.T) is { } notNow)
            {
                return Outcome<SignalChanged>.Conflict(notNow);
            }

            await HandoverLinks.RevokeOpenAsync(c.Db, route.Id, c.Now, cancellationToken);
            issued = new HandoverLink
            {
                SignalId = signal.Id,
                RouteId = route.Id,
                TokenHash = HandoverLinks.Hash(token),
                IssuedAt = c.Now,
                IssuedById = user.FindFirstValue(ClaimTypes.NameIdentifier)!,
                ExpiresAt = c.Now.AddDays(Math.Max(1, options.HandoverLinkValidDays)),
            };
            c.Db.HandoverLinks.Add(issued);
            issuedFor = route;
            isLast = RouteHandover.IsLast(routes, route);
            return null;
        }, cancellationToken);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            return outcome.Failed<HandoverLinkIssued>();
        }

        var recipient = await c.Db.Partners.Where(p => p.Id == issuedFor!.RecipientPartnerId).Select(p => p.Name).SingleAsync(cancellationToken);
        var addresses = await c.Db.PartnerContacts.Where(p => p.PartnerId == issuedFor!.RecipientPartnerId && p.Email != null).OrderBy(p => p.SortOrder).Select(p => p.Email!).ToListAsync(cancellationToken);
        return Outcome<HandoverLinkIssued>.Ok(new HandoverLinkIssued(
            new Uri(baseUrl, HandoverLinks.PathPrefix.TrimStart('/') + token), issued!.ExpiresAt, recipient, addresses, isLast, outcome.Value!.Version));
    }

    /// <summary>Where partners reach the app: the configured public address, else the address of this request.</summary>
    public static Uri BaseUrl(MeldrouteOptions options, HttpRequest request) =>
        new(string.IsNullOrWhiteSpace(options.PublicUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}/" : options.PublicUrl.TrimEnd('/') + "/");
}
