using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.CaseTable;

public sealed class RouteInput
{
    public Route? Route { get; set; }

    public List<int> PartnerIds { get; set; } = [];

    public string? Reason { get; set; }

    /// <summary>What the recipient needs to know, written for this route; required for every route that hands data over.</summary>
    public string? HandoverSummary { get; set; }

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

    /// <summary>For a signal involving a minor without the youth-care route: why not.</summary>
    public string? NoYouthCareReason { get; set; }

    public List<RouteInput> Routes { get; set; } = [];
}

/// <summary>
/// RecordDecision: the case table's decision on a signal on its agenda (OnAgenda → Decided), recorded by the meeting's
/// chair (<see cref="DecideInMeetingRequirement"/>), or an officer's decision on the urgent path: one or more routes,
/// each with partners the registry lists for that route and the signal's forms, a reason and a hand-over summary. A signal involving a minor has the youth-care route or says why not.
/// </summary>
public static class RecordDecision
{
    public static Task<Outcome<SignalChanged>> HandleAsync(SignalChanges c, ClaimsPrincipal user, Guid signalId, RecordDecisionRequest r, CancellationToken cancellationToken)
    {
        if (!r.Urgent && r.MeetingId is null)
        {
            return Task.FromResult(Outcome<SignalChanged>.Invalid(nameof(r.MeetingId), c.T["Decision_NotOnAgenda"]));
        }

        // The table's decision is its chair's to record; the urgent path is any officer's.
        IAuthorizationRequirement requirement = r.Urgent ? new HandleSignalRequirement() : new DecideInMeetingRequirement(r.MeetingId!.Value);
        return c.RunAsync(user, signalId, r.Version, requirement, r.Urgent ? "signal.decided.urgent" : "signal.decided", async signal =>
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

            var forms = signal.Forms | signal.ClassifiedForms;
            var registry = await RegistryAsync(c, cancellationToken);
            var names = registry.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().Name);
            for (var i = 0; i < r.Routes.Count; i++)
            {
                var route = r.Routes[i];
                TextRules.Check(errors, $"Routes[{i}].Reason", route.Reason, SubmitLimits.ReasonMax, c.T, required: true);
                if (route.Route is not { } kind || !Enum.IsDefined(kind) || kind == Route.NoFurtherAction)
                {
                    continue;
                }

                TextRules.Check(errors, $"Routes[{i}].HandoverSummary", route.HandoverSummary, SubmitLimits.HandoverSummaryMax, c.T, required: true);
                var allowed = RouteSuggestions.PartnersFor(kind, forms, registry).Select(p => p.Id).ToHashSet();
                if (route.PartnerIds.Count == 0)
                {
                    errors[$"Routes[{i}].PartnerIds"] = [c.T["Decision_PartnerRequired"]];
                }
                else if (route.PartnerIds.Where(p => !allowed.Contains(p)).Select(p => (int?)p).FirstOrDefault() is { } wrong)
                {
                    errors[$"Routes[{i}].PartnerIds"] = [names.TryGetValue(wrong, out var name)
                        ? c.T["Decision_PartnerNotForRoute", name, c.T["Route_" + kind]]
                        : c.T["Decision_PartnerUnknown"]];
                }
            }

            TextRules.Check(errors, nameof(r.NoYouthCareReason), r.NoYouthCareReason, SubmitLimits.ReasonMax, c.T);
            if (HandoverRules.MissesYouthCare(signal.InvolvesMinor, routes.Select(x => x.Route!.Value), r.NoYouthCareReason))
            {
                errors[nameof(r.NoYouthCareReason)] = [c.T["Decision_YouthCareOrReason"]];
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

            signal.NoYouthCareReason = signal.InvolvesMinor && !routes.Any(x => x.Route == Route.YouthCare) ? TextRules.Clean(r.NoYouthCareReason) : null;
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
                    PartnerIds = route.Route == Route.NoFurtherAction ? "" : string.Join(',', route.PartnerIds.Distinct()),
                    Reason = TextRules.Clean(route.Reason),
                    HandoverSummary = route.Route == Route.NoFurtherAction ? null : TextRules.Clean(route.HandoverSummary),
                    DataCategories = HandoverRules.Defaults(route.Route!.Value),
                    IndividualCaseMeetingRequested = route.Route == Route.PerpetratorTrack && route.IndividualCaseMeetingRequested,
                    DecidedAt = c.Now,
                });
            }

            return null;
        }, cancellationToken);
    }

    /// <summary>The partner registry as the routing rules read it: each partner once per route it takes; archived partners take none.</summary>
    public static async Task<IReadOnlyList<RegistryPartner>> RegistryAsync(SignalChanges c, CancellationToken cancellationToken) =>
        await (from route in c.Db.PartnerRoutes
               join partner in c.Db.Partners on route.PartnerId equals partner.Id
               where partner.ArchivedAt == null
               select new RegistryPartner(partner.Id, partner.Name, partner.Forms, route.Route, route.IsDefault)).ToListAsync(cancellationToken);
}
