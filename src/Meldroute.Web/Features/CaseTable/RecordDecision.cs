using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.CaseTable;

public sealed class RouteInput
{
    public Route? Route { get; set; }

    public List<int> PartnerIds { get; set; } = [];

    public string? Reason { get; set; }

    public bool IndividualCaseMeetingRequested { get; set; }
}

public sealed class RecordDecisionRequest : IVersionedRequest
{
    public Guid? Version { get; set; }

    /// <summary>The meeting whose agenda holds the signal; omitted on the urgent path.</summary>
    public Guid? MeetingId { get; set; }

    /// <summary>The urgent path: one officer decides without the table (InAnalysis → Decided); needs <see cref="Reason"/>.</summary>
    public bool Urgent { get; set; }

    public string? Reason { get; set; }

    /// <summary>The table's assessment of the signal (personal content).</summary>
    public string? Assessment { get; set; }

    public List<RouteInput> Routes { get; set; } = [];
}

/// <summary>
/// RecordDecision: the case table's decision on a signal on its agenda (OnAgenda → Decided), or an officer's
/// decision on the urgent path: one or more routes, each with partners from the registry and a reason.
/// </summary>
public static class RecordDecision
{
    public static Task<Outcome<SignalChanged>> HandleAsync(SignalChanges c, ClaimsPrincipal user, Guid signalId, RecordDecisionRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(user, signalId, r.Version, r.Urgent ? "signal.decided.urgent" : "signal.decided", async signal =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            TextRules.Check(errors, nameof(r.Assessment), r.Assessment, SubmitLimits.NotesMax, c.T);
            TextRules.Check(errors, nameof(r.Reason), r.Reason, SubmitLimits.ReasonMax, c.T, required: r.Urgent);
            var routes = r.Routes.Where(x => x.Route is not null).ToList();
            if (routes.Count == 0 || r.Routes.Any(x => x.Route is null || !Enum.IsDefined(x.Route.Value)))
            {
                errors[nameof(r.Routes)] = [c.T["Decision_RoutesRequired"]];
            }
            else if (routes.GroupBy(x => x.Route).Any(g => g.Count() > 1))
            {
                errors[nameof(r.Routes)] = [c.T["Decision_RouteTwice"]];
            }
            else if (routes.Count > 1 && routes.Any(x => x.Route == Route.NoFurtherAction))
            {
                errors[nameof(r.Routes)] = [c.T["Decision_NoFurtherActionAlone"]];
            }

            var partnerIds = await c.Db.Partners.Select(p => p.Id).ToListAsync(cancellationToken);
            for (var i = 0; i < r.Routes.Count; i++)
            {
                var route = r.Routes[i];
                TextRules.Check(errors, $"Routes[{i}].Reason", route.Reason, SubmitLimits.ReasonMax, c.T, required: true);
                if (route.Route is not null and not Route.NoFurtherAction && route.PartnerIds.Count == 0)
                {
                    errors[$"Routes[{i}].PartnerIds"] = [c.T["Decision_PartnerRequired"]];
                }
                else if (route.PartnerIds.Any(p => !partnerIds.Contains(p)))
                {
                    errors[$"Routes[{i}].PartnerIds"] = [c.T["Decision_PartnerUnknown"]];
                }
            }

            AgendaItem? agendaItem = null;
            if (!r.Urgent)
            {
                agendaItem = r.MeetingId is null ? null : await c.Db.AgendaItems.SingleOrDefaultAsync(a => a.MeetingId == r.MeetingId && a.SignalId == signal.Id, cancellationToken);
                if (agendaItem is null)
                {
                    errors[nameof(r.MeetingId)] = [c.T["Decision_NotOnAgenda"]];
                }
            }

            if (errors.Count > 0)
            {
                return Outcome<SignalChanged>.Invalid(errors);
            }

            if (c.Move(signal, SignalStatus.Decided, r.Urgent ? TextRules.Clean(r.Reason) : null) is { } refused)
            {
                return refused;
            }

            if (agendaItem is not null && TextRules.Clean(r.Assessment) is { } assessment)
            {
                agendaItem.Assessment = assessment;
            }

            // A decision replaces an earlier one that was never forwarded (the table may reconsider).
            c.Db.DecisionRoutes.RemoveRange(await c.Db.DecisionRoutes.Where(x => x.SignalId == signal.Id && x.ForwardedAt == null).ToListAsync(cancellationToken));
            foreach (var route in routes)
            {
                c.Db.DecisionRoutes.Add(new DecisionRoute
                {
                    SignalId = signal.Id,
                    MeetingId = r.Urgent ? null : r.MeetingId,
                    Route = route.Route!.Value,
                    PartnerIds = string.Join(',', route.PartnerIds.Distinct()),
                    Reason = TextRules.Clean(route.Reason),
                    IndividualCaseMeetingRequested = route.Route == Route.PerpetratorTrack && route.IndividualCaseMeetingRequested,
                    DecidedAt = c.Now,
                });
            }

            return null;
        }, cancellationToken);
}
