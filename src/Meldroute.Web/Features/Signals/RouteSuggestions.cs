namespace Meldroute.Web.Features.Signals;

/// <summary>A partner as the route suggestions need it: what it does, for which forms.</summary>
public sealed record RegistryPartner(int Id, string Name, ExploitationForms Forms, Route Route, bool IsDefault);

/// <summary>The routing rules of plan section 9, as data-driven suggestions for the case table. No I/O.</summary>
public static class RouteSuggestions
{
    /// <summary>
    /// Routes proposed before the table discusses a signal: labour exploitation always goes to the NLA; a minor
    /// always involves youth care.
    /// </summary>
    public static IReadOnlyList<Route> Proposed(ExploitationForms forms, bool involvesMinor)
    {
        var routes = new List<Route>();
        if (forms.HasFlag(ExploitationForms.Labour))
        {
            routes.Add(Route.LabourInspectorate);
        }

        if (involvesMinor)
        {
            routes.Add(Route.YouthCare);
        }

        return routes;
    }

    /// <summary>
    /// Partners of the registry that take the route, for the signal's forms (all of them when the form is unknown),
    /// the default partner first.
    /// </summary>
    public static IReadOnlyList<RegistryPartner> PartnersFor(Route route, ExploitationForms forms, IEnumerable<RegistryPartner> registry)
    {
        var known = forms & ~ExploitationForms.Unknown;
        return [.. registry
            .Where(p => p.Route == route && (known == ExploitationForms.None || (p.Forms & known) != 0))
            .OrderByDescending(p => p.IsDefault)
            .ThenBy(p => p.Name, StringComparer.Ordinal)];
    }
}
