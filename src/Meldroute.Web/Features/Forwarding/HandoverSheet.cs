using Meldroute.Web.Features.Signals;

namespace Meldroute.Web.Features.Forwarding;

public sealed record HandoverPerson(PersonRole Role, string? Name, string? Age, Minor Minor, string? Nationality, string? Language, string? Contact);

/// <summary>
/// A hand-over sheet: what one recipient needs for one route, and nothing else. Its personal fields are filled only
/// for the categories the route's balancing of interests names (<see cref="Categories"/>); the rest is null or empty.
/// The anonymous characteristics (forms, indicators, location type, date) are always on it.
/// </summary>
public sealed record HandoverSheet(
    Guid SignalId,
    string Reference,
    Guid RouteId,
    Route Route,
    string RecipientName,
    IReadOnlyList<HandoverData> Categories,
    IReadOnlyList<ExploitationForms> Forms,
    IReadOnlyList<string> IndicatorCodes,
    LocationType LocationType,
    string? LocationDetail,
    DateOnly? ObservedOn,
    string? Summary,
    string? ReporterWords,
    bool IndividualCaseMeetingRequested,
    IReadOnlyList<HandoverPerson> People,
    string Municipality,
    DateTimeOffset PreparedAt);
