namespace Meldroute.Web.Features.Signals;

/// <summary>
/// What each route's hand-over may carry (plan section 11, Handreiking: per recipient, only what that recipient
/// needs). Defaults by route kind; anything wider needs a reason in that route's balancing of interests. No I/O.
/// </summary>
public static class HandoverRules
{
    /// <summary>Every category, in the order the forms show them.</summary>
    public static readonly HandoverData[] Categories =
        [HandoverData.VictimIdentity, HandoverData.ExploiterIdentity, HandoverData.Location, HandoverData.Summary, HandoverData.ReporterWords];

    /// <summary>
    /// The categories a route carries unless its balancing says otherwise: the victim side (victim track, youth care)
    /// gets who the victim is; the enforcement side (perpetrator track, police, labour inspectorate, administrative
    /// measure) who the exploiter is. Both get the location and the summary; the reporter's words go nowhere.
    /// </summary>
    public static HandoverData Defaults(Route route) => route switch
    {
        Route.VictimTrack or Route.YouthCare => HandoverData.VictimIdentity | HandoverData.Location | HandoverData.Summary,
        Route.PerpetratorTrack or Route.Police or Route.LabourInspectorate or Route.AdministrativeMeasure =>
            HandoverData.ExploiterIdentity | HandoverData.Location | HandoverData.Summary,
        _ => HandoverData.None,
    };

    /// <summary>The categories asked for beyond the route's defaults: these need a recorded reason.</summary>
    public static HandoverData Widening(Route route, HandoverData requested) => requested & ~Defaults(route);

    /// <summary>Whether a sheet with these categories names a person in this role.</summary>
    public static bool Carries(HandoverData categories, PersonRole role) => role switch
    {
        PersonRole.PossibleVictim => categories.HasFlag(HandoverData.VictimIdentity),
        PersonRole.PossibleExploiter => categories.HasFlag(HandoverData.ExploiterIdentity),
        _ => false,
    };

    /// <summary>The categories of a list of names (the API's and the form's representation); unknown names are ignored by the caller's validation.</summary>
    public static HandoverData Combine(IEnumerable<HandoverData> categories) => categories.Aggregate(HandoverData.None, (all, c) => all | c);

    /// <summary>The single categories within a combination, in form order.</summary>
    public static IReadOnlyList<HandoverData> Split(HandoverData categories) => [.. Categories.Where(c => categories.HasFlag(c))];

    /// <summary>
    /// A signal involving a minor goes to youth care, or the decision records why not (plan section 9: a minor always
    /// involves youth care).
    /// </summary>
    public static bool MissesYouthCare(bool involvesMinor, IEnumerable<Route> routes, string? reasonWhyNot) =>
        involvesMinor && !routes.Contains(Route.YouthCare) && string.IsNullOrWhiteSpace(reasonWhyNot);
}
