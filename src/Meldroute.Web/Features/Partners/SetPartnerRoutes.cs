using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Partners;

public sealed class PartnerRouteInput
{
    public Route? Route { get; set; }

    /// <summary>Suggested first on this route (for the forms the partner takes).</summary>
    public bool IsDefault { get; set; }
}

/// <summary>SetPartnerRoutes' body: every route the partner takes; the list replaces the old one.</summary>
public sealed class PartnerRoutesRequest
{
    public Guid? Version { get; set; }

    public List<PartnerRouteInput> Routes { get; set; } = [];
}

/// <summary>
/// SetPartnerRoutes: which routes of the case table's decision a partner may receive, and on which it is the default.
/// The case table can then name it only on those routes, for the forms it takes (RecordDecision checks the registry).
/// </summary>
public static class SetPartnerRoutes
{
    public static async Task<Outcome<PartnerView>> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, int id, PartnerRoutesRequest r, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var seen = new HashSet<Route>();
        for (var i = 0; i < r.Routes.Count; i++)
        {
            if (r.Routes[i].Route is not { } route || !Enum.IsDefined(route) || route == Route.NoFurtherAction)
            {
                errors[$"{nameof(r.Routes)}[{i}].{nameof(PartnerRouteInput.Route)}"] = [t["PartnerRoutes_RouteInvalid"]];
            }
            else if (!seen.Add(route))
            {
                errors[$"{nameof(r.Routes)}[{i}].{nameof(PartnerRouteInput.Route)}"] = [t["PartnerRoutes_Twice"]];
            }
        }

        if (errors.Count > 0)
        {
            return Outcome<PartnerView>.Invalid(errors);
        }

        return await PartnerEdits.RunAsync(db, audit, clock, t, user, id, r.Version, "partner.routes-set", (partner, existing) =>
        {
            if (partner.IsArchived && r.Routes.Count > 0)
            {
                return (null, Outcome<PartnerView>.Conflict(t["PartnerRoutes_Archived", partner.Name]));
            }

            var wanted = r.Routes.Select(x => new PartnerRoute { PartnerId = id, Route = x.Route!.Value, IsDefault = x.IsDefault }).ToList();
            Replace(db, existing, wanted);
            return (wanted, null);
        }, cancellationToken);
    }

    /// <summary>Makes a partner's stored routes the wanted ones: removes, updates and adds only what differs.</summary>
    public static void Replace(MeldrouteDbContext db, List<PartnerRoute> existing, List<PartnerRoute> wanted)
    {
        foreach (var old in existing.Where(e => wanted.All(w => w.Route != e.Route)))
        {
            db.PartnerRoutes.Remove(old);
        }

        foreach (var w in wanted)
        {
            if (existing.FirstOrDefault(e => e.Route == w.Route) is { } stored)
            {
                stored.IsDefault = w.IsDefault;
            }
            else
            {
                db.PartnerRoutes.Add(w);
            }
        }
    }
}
