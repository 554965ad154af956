using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Forwarding;

public sealed class BalancingRequest : IVersionedRequest
{
    public Guid? Version { get; set; }

    /// <summary>The route this balancing is for: every route that hands data over needs its own.</summary>
    public Guid? RouteId { get; set; }

    /// <summary>The partner that receives the data: one of the route's partners.</summary>
    public int? RecipientPartnerId { get; set; }

    /// <summary>The categories shared with the recipient; omitted: the route's defaults.</summary>
    public List<HandoverData>? Categories { get; set; }

    /// <summary>Why more is shared than the route's defaults; required when the categories go beyond them.</summary>
    public string? WideningReason { get; set; }

    /// <summary>Who weighed (functions, not names), e.g. "aandachtsfunctionaris en zorgcoördinator".</summary>
    public string? WeighedBy { get; set; }

    public string? Purpose { get; set; }

    public string? Necessity { get; set; }

    public string? Proportionality { get; set; }

    public string? Subsidiarity { get; set; }

    public bool? SharingJustified { get; set; }

    public string? Outcome { get; set; }
}

/// <summary>
/// RecordBalancingOfInterests (AVG art. 6, plan section 11, Handreiking): before a route hands anything over, an officer
/// records for that route who weighed purpose, necessity, proportionality and subsidiarity, which partner receives
/// which categories of data, and the outcome. Categories beyond the route's defaults need a reason. The route's latest
/// balancing counts: a justified one opens its hand-over, a later unjustified one closes it again, and either way
/// links issued before it stop working.
/// </summary>
public static class RecordBalancingOfInterests
{
    public static Task<Outcome<SignalChanged>> HandleAsync(SignalChanges c, ClaimsPrincipal user, Guid signalId, BalancingRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(user, signalId, r.Version, "signal.balancing.recorded", async signal =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            TextRules.Check(errors, nameof(r.WeighedBy), r.WeighedBy, 500, c.T, required: true);
            TextRules.Check(errors, nameof(r.Purpose), r.Purpose, SubmitLimits.ReasonMax, c.T, required: true);
            TextRules.Check(errors, nameof(r.Necessity), r.Necessity, SubmitLimits.ReasonMax, c.T, required: true);
            TextRules.Check(errors, nameof(r.Proportionality), r.Proportionality, SubmitLimits.ReasonMax, c.T, required: true);
            TextRules.Check(errors, nameof(r.Subsidiarity), r.Subsidiarity, SubmitLimits.ReasonMax, c.T, required: true);
            TextRules.Check(errors, nameof(r.Outcome), r.Outcome, SubmitLimits.ReasonMax, c.T, required: true);
            if (r.SharingJustified is null)
            {
                errors[nameof(r.SharingJustified)] = [c.T["Balancing_JustifiedRequired"]];
            }

            var route = r.RouteId is null ? null : await c.Db.DecisionRoutes.SingleOrDefaultAsync(x => x.Id == r.RouteId && x.SignalId == signal.Id, cancellationToken);
            var categories = HandoverData.None;
            if (route is null || !route.NeedsForwarding)
            {
                errors[nameof(r.RouteId)] = [c.T["Balancing_RouteRequired"]];
            }
            else
            {
                if (r.RecipientPartnerId is null || !route.PartnerIdList.Contains(r.RecipientPartnerId.Value))
                {
                    errors[nameof(r.RecipientPartnerId)] = [c.T["Balancing_RecipientRequired"]];
                }

                categories = r.Categories is null ? HandoverRules.Defaults(route.Route) : HandoverRules.Combine(r.Categories);
                if (r.Categories is not null && r.Categories.Any(x => !HandoverRules.Categories.Contains(x)))
                {
                    errors[nameof(r.Categories)] = [c.T["Balancing_CategoryUnknown"]];
                }

                var widening = HandoverRules.Widening(route.Route, categories);
                TextRules.Check(errors, nameof(r.WideningReason), r.WideningReason, SubmitLimits.ReasonMax, c.T, required: widening != HandoverData.None);
                if (widening != HandoverData.None && errors.ContainsKey(nameof(r.WideningReason)))
                {
                    errors[nameof(r.WideningReason)] = [c.T["Balancing_WideningReasonRequired", string.Join(", ", HandoverRules.Split(widening).Select(x => c.T["HandoverData_" + x].Value))]];
                }
            }

            if (errors.Count > 0)
            {
                return Outcome<SignalChanged>.Invalid(errors);
            }

            if (signal.Status != SignalStatus.Decided || route!.ForwardedAt is not null)
            {
                return Outcome<SignalChanged>.Conflict(c.T["Balancing_NotNow"]);
            }

            var record = new BalancingOfInterests
            {
                SignalId = signal.Id,
                RouteId = route.Id,
                RecipientPartnerId = r.RecipientPartnerId,
                Categories = categories,
                WideningReason = HandoverRules.Widening(route.Route, categories) == HandoverData.None ? null : TextRules.Clean(r.WideningReason),
                RecordedAt = c.Now,
                RecordedById = user.FindFirstValue(ClaimTypes.NameIdentifier)!,
                WeighedBy = TextRules.Clean(r.WeighedBy),
                Purpose = TextRules.Clean(r.Purpose),
                Necessity = TextRules.Clean(r.Necessity),
                Proportionality = TextRules.Clean(r.Proportionality),
                Subsidiarity = TextRules.Clean(r.Subsidiarity),
                SharingJustified = r.SharingJustified!.Value,
                Outcome = TextRules.Clean(r.Outcome),
            };
            c.Db.BalancingOfInterests.Add(record);
            route.BalancingId = record.SharingJustified ? record.Id : null;
            route.RecipientPartnerId = record.SharingJustified ? record.RecipientPartnerId : null;
            if (record.SharingJustified)
            {
                route.DataCategories = categories;
            }

            // A link carries what the balancing allowed when it was issued; a new balancing may allow less or another recipient.
            await HandoverLinks.RevokeOpenAsync(c.Db, route.Id, c.Now, cancellationToken);
            return null;
        }, cancellationToken);
}
