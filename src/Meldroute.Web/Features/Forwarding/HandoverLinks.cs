using System.Security.Cryptography;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Forwarding;

/// <summary>What a presented hand-over link is: unknown, no longer usable, or usable.</summary>
public enum HandoverLinkState
{
    Unknown,
    Gone,
    Usable,
}

/// <summary>
/// The one-time links' tokens: 256 random bits, given out once and stored only as their SHA-256, so that the
/// database (or a backup) holds nothing that opens a sheet. A hash without salt is enough because the token is
/// random and long: there is nothing to guess from a dictionary.
/// </summary>
public static class HandoverLinks
{
    /// <summary>The path partners open; the token is its last segment.</summary>
    public const string PathPrefix = "/overdracht/";

    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>Tokens are 43 base64url characters; anything else is not looked up at all.</summary>
    public static bool LooksLikeToken(string? token) => token is { Length: 43 } && token.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_');

    /// <summary>The link with its route, tracked, or null when the token is unknown.</summary>
    public static async Task<(HandoverLink Link, DecisionRoute Route)?> FindAsync(MeldrouteDbContext db, string? token, CancellationToken cancellationToken)
    {
        if (!LooksLikeToken(token))
        {
            return null;
        }

        var hash = Hash(token!);
        // The recipient has no account and so no municipality: the token is the credential, and the link it finds names
        // the municipality the rest of the request is for.
        var found = await (from link in db.HandoverLinks.IgnoreQueryFilters()
                           join route in db.DecisionRoutes.IgnoreQueryFilters() on link.RouteId equals route.Id
                           where link.TokenHash == hash && route.MunicipalityId == link.MunicipalityId
                           select new { link, route }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        db.UseMunicipality(found.link.MunicipalityId);
        return (found.link, found.route);
    }

    /// <summary>
    /// A link works until its route is handed over (by this link or any other channel), it expires, or a newer link
    /// or balancing replaces it; after that it shows nothing.
    /// </summary>
    public static HandoverLinkState StateOf(HandoverLink link, DecisionRoute route, DateTimeOffset now) =>
        link.ReceivedAt is null && link.RevokedAt is null && link.ExpiresAt > now && route.ForwardedAt is null && route.BalancingId is not null
            ? HandoverLinkState.Usable
            : HandoverLinkState.Gone;

    /// <summary>Ends every link of the route that still works (a new link, a new balancing, another channel).</summary>
    public static async Task RevokeOpenAsync(MeldrouteDbContext db, Guid routeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Filtered again in memory: a link received in this same change is tracked but not saved yet.
        foreach (var link in await db.HandoverLinks.Where(l => l.RouteId == routeId && l.ReceivedAt == null && l.RevokedAt == null).ToListAsync(cancellationToken))
        {
            if (link.ReceivedAt is null)
            {
                link.RevokedAt = now;
            }
        }
    }
}
