using System.Globalization;
using System.Security.Claims;
using System.Text;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.Forwarding;

public sealed record HandoverPerson(PersonRole Role, string? Name, string? Age, Minor Minor, string? Nationality, string? Language, string? Contact);

/// <summary>
/// A hand-over sheet: exactly what one partner needs for one route. Victim data only for the victim track and youth
/// care; suspect data only for the perpetrator track, police and the labour inspectorate.
/// </summary>
public sealed record HandoverSheet(
    Guid SignalId,
    string Reference,
    Guid RouteId,
    Route Route,
    IReadOnlyList<string> PartnerNames,
    ExploitationForms Forms,
    IReadOnlyList<string> IndicatorCodes,
    LocationType LocationType,
    string? LocationDetail,
    DateOnly? ObservedOn,
    string? Description,
    bool IndividualCaseMeetingRequested,
    IReadOnlyList<HandoverPerson> People,
    DateTimeOffset PreparedAt);

/// <summary>PrepareForwarding: the hand-over sheet of one route of a decided signal. Every preparation and download is audited.</summary>
public static class PrepareForwarding
{
    /// <summary>Which people a route may carry (the filter of plan section 11).</summary>
    public static bool Carries(Route route, PersonRole role) => role switch
    {
        PersonRole.PossibleVictim => RouteSuggestions.SharesVictimData(route),
        PersonRole.PossibleExploiter => RouteSuggestions.SharesSuspectData(route),
        _ => false,
    };

    public static async Task<Outcome<HandoverSheet>> HandleAsync(
        SignalChanges c, IAuthorizationService authorization, ClaimsPrincipal user, Guid signalId, Guid routeId, string purpose, CancellationToken cancellationToken)
    {
        var signal = await Signal.LoadAsync(c.Db, signalId, cancellationToken);
        var route = signal is null ? null : await c.Db.DecisionRoutes.AsNoTracking().SingleOrDefaultAsync(r => r.Id == routeId && r.SignalId == signalId, cancellationToken);
        if (signal is null || route is null || !(await authorization.AuthorizeAsync(user, signal, new HandleSignalRequirement())).Succeeded)
        {
            await c.Audit.RecordAsync(new AuditEntry("handover.prepared", AuditOutcome.Denied, "signal", signal?.Reference ?? signalId.ToString()), cancellationToken);
            return Outcome<HandoverSheet>.NotFound();
        }

        if (signal.Status != SignalStatus.Decided || !route.NeedsForwarding)
        {
            return Outcome<HandoverSheet>.Conflict(c.T["Handover_NotNow"]);
        }

        if (RouteSuggestions.SharesVictimData(route.Route) && !await BalancingAllowsAsync(c, signalId, cancellationToken))
        {
            return Outcome<HandoverSheet>.Conflict(c.T["Handover_BalancingFirst"]);
        }

        var partnerIds = route.PartnerIdList;
        var partners = await c.Db.Partners.Where(p => partnerIds.Contains(p.Id)).Select(p => p.Name).ToListAsync(cancellationToken);
        var sheet = new HandoverSheet(
            signal.Id, signal.Reference, route.Id, route.Route, partners, signal.Forms | signal.ClassifiedForms,
            signal.ConfirmedIndicatorCodeList.Count > 0 ? signal.ConfirmedIndicatorCodeList : signal.IndicatorCodeList,
            signal.LocationType, signal.LocationDetail, signal.ObservedOn, signal.Description, route.IndividualCaseMeetingRequested,
            [.. signal.People.Where(p => Carries(route.Route, p.Role)).OrderBy(p => p.SortOrder)
                .Select(p => new HandoverPerson(p.Role, p.NameOrDescription, p.Age, p.Minor, p.Nationality, p.Language, p.ContactDetails))],
            c.Now);
        await c.Audit.RecordAsync(new AuditEntry("handover.prepared", AuditOutcome.Success, "signal", signal.Reference, purpose + ":" + route.Route), cancellationToken);
        return Outcome<HandoverSheet>.Ok(sheet);
    }

    /// <summary>The victim track may carry victim data only after a balancing of interests that justified sharing.</summary>
    internal static Task<bool> BalancingAllowsAsync(SignalChanges c, Guid signalId, CancellationToken cancellationToken) =>
        c.Db.BalancingOfInterests.AnyAsync(b => b.SignalId == signalId && b.SharingJustified, cancellationToken);

    /// <summary>The sheet as a plain-text download (UTF-8), for secure mail or RIEC-IS.</summary>
    public static string ToText(HandoverSheet s, Func<string, string> t)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{t("Handover_Title")} {s.Reference}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{t("Handover_Route")}: {t("Route_" + s.Route)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{t("Handover_Partners")}: {string.Join(", ", s.PartnerNames)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{t("Handover_Forms")}: {s.Forms}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{t("Handover_Indicators")}: {string.Join(", ", s.IndicatorCodes)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{t("Handover_Location")}: {t("Location_" + s.LocationType)} {s.LocationDetail}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{t("Handover_ObservedOn")}: {s.ObservedOn:yyyy-MM-dd}");
        if (s.IndividualCaseMeetingRequested)
        {
            text.AppendLine(t("Handover_IcoRequested"));
        }

        text.AppendLine().AppendLine(t("Handover_Description")).AppendLine(s.Description);
        foreach (var p in s.People)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{t("PersonRole_" + p.Role)}: {p.Name}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  {t("Person_Age")}: {p.Age}; {t("Person_Minor")}: {t("Minor_" + p.Minor)}; {t("Person_Nationality")}: {p.Nationality}; {t("Person_Language")}: {p.Language}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  {t("Person_Contact")}: {p.Contact}");
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{t("Handover_PreparedAt")}: {s.PreparedAt:yyyy-MM-dd HH:mm} UTC");
        return text.ToString();
    }
}
