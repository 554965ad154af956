using System.Security.Claims;
using Meldroute.Web.Features.Forwarding;
using Meldroute.Web.Features.Handling;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Home;

/// <summary>
/// The specialist officer's block: new signals, signals past the lead-time norm of their next step (counted by the
/// inbox's own filters, so each number opens exactly the list it counts), the next meeting's agenda, and decided
/// signals with a route that waits for its balancing of interests or for the partner's confirmation of receipt
/// (by the routes' own rules: <see cref="DecisionRoute.StepsToGo"/>, <see cref="HandoverLinks.StateOf"/>).
/// </summary>
public static class OfficerBlock
{
    public static async Task<DashboardBlock> BuildAsync(DashboardServices s, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = s.Clock.GetUtcNow();
        var norms = s.Figures.Value;
        var fresh = await ListSignals.CountAsync(s.Db, new SignalFilter { Status = SignalStatus.Received }, now, norms, cancellationToken);
        var late = await ListSignals.CountAsync(s.Db, new SignalFilter { LateOnly = true }, now, norms, cancellationToken);
        var next = await NextMeeting.FindAsync(s.Db, s.Clock, attendeeId: null, cancellationToken);
        var (balancing, receipt) = await AwaitingAsync(s.Db, now, cancellationToken);
        return new DashboardBlock(Roles.SpecialistOfficer, s.T["Role_" + Roles.SpecialistOfficer],
        [
            new("new", fresh, s.T.Plural("Dashboard_New", fresh), "/Handling?Status=" + nameof(SignalStatus.Received)),
            new("late", late, s.T.Plural("Dashboard_Late", late), "/Handling?Late=true", Attention: late > 0),
            next is null
                ? new("next-agenda", null, s.T["Dashboard_NoMeeting"], "/CaseTable")
                : new("next-agenda", next.Signals.Count, s.T.Plural("Dashboard_NextAgenda", next.Signals.Count, next.Describe(s.T)), next.Url),
            new("awaiting-balancing", balancing, s.T.Plural("Dashboard_AwaitingBalancing", balancing), "/Handling?Status=" + nameof(SignalStatus.Decided)),
            new("awaiting-receipt", receipt, s.T.Plural("Dashboard_AwaitingReceipt", receipt), "/Handling?Status=" + nameof(SignalStatus.Decided)),
        ]);
    }

    /// <summary>
    /// Decided signals with a route whose next step is its balancing of interests, and those with a route handed to its
    /// partner through a one-time link that still works (the partner has not confirmed receipt). A signal counts once
    /// in each, whatever the number of its routes.
    /// </summary>
    private static async Task<(int Balancing, int Receipt)> AwaitingAsync(MeldrouteDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The columns the route's rules read, and none of its personal content.
        var routes = await (from route in db.DecisionRoutes.AsNoTracking()
                            join signal in db.Signals on route.SignalId equals signal.Id
                            where signal.Status == SignalStatus.Decided && route.ForwardedAt == null
                            select new DecisionRoute
                            {
                                Id = route.Id, SignalId = route.SignalId, Route = route.Route, BalancingId = route.BalancingId,
                                RecipientPartnerId = route.RecipientPartnerId, ForwardedAt = route.ForwardedAt,
                            }).ToListAsync(cancellationToken);
        var balancing = routes.Where(r => r.StepsToGo is [RouteStep.BalancingOfInterests, ..]).Select(r => r.SignalId).Distinct().Count();
        var handOver = routes.Where(r => r.StepsToGo is [RouteStep.HandOver]).ToDictionary(r => r.Id);
        var ids = handOver.Keys.ToList();
        var links = await db.HandoverLinks.AsNoTracking()
            .Where(l => ids.Contains(l.RouteId) && l.ReceivedAt == null && l.RevokedAt == null)
            .Select(l => new HandoverLink { RouteId = l.RouteId, SignalId = l.SignalId, ExpiresAt = l.ExpiresAt, TokenHash = "", IssuedById = "" })
            .ToListAsync(cancellationToken);
        var receipt = links.Where(l => HandoverLinks.StateOf(l, handOver[l.RouteId], now) == HandoverLinkState.Usable).Select(l => l.SignalId).Distinct().Count();
        return (balancing, receipt);
    }
}
