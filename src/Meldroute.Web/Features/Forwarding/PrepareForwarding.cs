using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Forwarding;

/// <summary>
/// PrepareForwarding: the hand-over sheet of one route of a decided signal, for the officer. The sheet exists only
/// once the route has its own balancing of interests that justified sharing; every preparation is audited.
/// </summary>
public static class PrepareForwarding
{
    public static async Task<Outcome<HandoverSheet>> HandleAsync(
        SignalChanges c, IAuthorizationService authorization, IOptions<MeldrouteOptions> options, ClaimsPrincipal user, Guid signalId, Guid routeId, string purpose, CancellationToken cancellationToken)
    {
        var signal = await Signal.LoadAsync(c.Db, signalId, cancellationToken);
        var route = signal is null ? null : await c.Db.DecisionRoutes.AsNoTracking().SingleOrDefaultAsync(r => r.Id == routeId && r.SignalId == signalId, cancellationToken);
        if (signal is null || route is null || !(await authorization.AuthorizeAsync(user, signal, new HandleSignalRequirement())).Succeeded)
        {
            await c.Audit.RecordAsync(new AuditEntry("handover.prepared", AuditOutcome.Denied, "signal", signal?.Reference ?? signalId.ToString()), cancellationToken);
            return Outcome<HandoverSheet>.NotFound();
        }

        if (Refusal(signal, route, c.T) is { } refused)
        {
            return Outcome<HandoverSheet>.Conflict(refused);
        }

        var sheet = await BuildAsync(c.Db, signal, route, await Municipalities.CurrentMunicipality.NameAsync(c.Db, cancellationToken), c.Now, cancellationToken);
        await c.Audit.RecordAsync(new AuditEntry("handover.prepared", AuditOutcome.Success, "signal", signal.Reference, purpose + ":" + route.Route), cancellationToken);
        return Outcome<HandoverSheet>.Ok(sheet);
    }

    /// <summary>
    /// Why the route cannot be handed over now, or null: the signal must be decided, the route must forward something,
    /// not be forwarded yet, and have its own balancing that justified sharing.
    /// </summary>
    public static string? Refusal(Signal signal, DecisionRoute route, IStringLocalizer t)
    {
        if (signal.Status != SignalStatus.Decided || !route.NeedsForwarding || route.ForwardedAt is not null)
        {
            return t["Handover_NotNow"].Value;
        }

        return route.BalancingId is null || route.RecipientPartnerId is null ? t["Handover_BalancingFirst"].Value : null;
    }

    /// <summary>The sheet of a route: only the categories its balancing names, only the people they cover.</summary>
    public static async Task<HandoverSheet> BuildAsync(MeldrouteDbContext db, Signal signal, DecisionRoute route, string municipality, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var categories = route.DataCategories;
        var recipient = await db.Partners.Where(p => p.Id == route.RecipientPartnerId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        return new HandoverSheet(
            signal.Id, signal.Reference, route.Id, route.Route, recipient, HandoverRules.Split(categories), ExploitationFormSet.Split(signal.Forms | signal.ClassifiedForms),
            signal.ConfirmedIndicatorCodeList.Count > 0 ? signal.ConfirmedIndicatorCodeList : signal.IndicatorCodeList,
            signal.LocationType,
            categories.HasFlag(HandoverData.Location) ? signal.LocationDetail : null,
            signal.ObservedOn,
            categories.HasFlag(HandoverData.Summary) ? route.HandoverSummary : null,
            categories.HasFlag(HandoverData.ReporterWords) ? signal.Description : null,
            route.IndividualCaseMeetingRequested,
            [.. signal.People.Where(p => HandoverRules.Carries(categories, p.Role)).OrderBy(p => p.SortOrder)
                .Select(p => new HandoverPerson(p.Role, p.NameOrDescription, p.Age, p.Minor, p.Nationality, p.Language, p.ContactDetails))],
            municipality,
            now);
    }
}
