using Meldroute.Web.Features.Handling;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.CaseTable;

/// <summary>
/// Recording a decision (RecordDecision): per route a tick, the partners (suggested from the partner registry for
/// the signal's forms) and a reason. Labour exploitation proposes the labour inspectorate, a minor youth care. The
/// decision of a meeting is its chair's to record, an officer or a case-table member (<see cref="DecideInMeetingRequirement"/>);
/// the urgent path is an officer's (<see cref="HandleSignalRequirement"/>). Anyone else finds no page here.
/// </summary>
[Authorize(Policy = Policies.SignalReader)]
public sealed class DecideModel(MeldrouteDbContext db, IAuthorizationService authorization, SignalChanges commands) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? MeetingId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Urgent { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Assessment { get; set; }

    [BindProperty]
    public string? NoYouthCareReason { get; set; }

    /// <summary>One entry per route, in the order of <see cref="Route"/>; unticked routes have no Route.</summary>
    [BindProperty]
    public List<RouteInput> Routes { get; set; } = [];

    public Signal Signal { get; private set; } = null!;

    public IReadOnlyList<RegistryPartner> Registry { get; private set; } = [];

    public string? Conflict { get; private set; }

    public static readonly Route[] AllRoutes = Enum.GetValues<Route>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Version = Signal.Version;
        var forms = Signal.Forms | Signal.ClassifiedForms;
        var proposed = RouteSuggestions.Proposed(forms, Signal.InvolvesMinor);
        Routes = [.. AllRoutes.Select(route => new RouteInput
        {
            Route = proposed.Contains(route) ? route : null,
            PartnerIds = [.. RouteSuggestions.PartnersFor(route, forms, Registry).Where(p => p.IsDefault).Select(p => p.Id)],
        })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        while (Routes.Count < AllRoutes.Length)
        {
            Routes.Add(new RouteInput());
        }

        // Only ticked routes go to the decision; remember where each came from to put messages back next to its fields.
        var ticked = Routes.Select((r, i) => (Input: r, Index: i)).Where(x => x.Input.Route is not null).ToList();
        var request = new RecordDecisionRequest
        {
            Version = Version,
            MeetingId = Urgent ? null : MeetingId,
            Urgent = Urgent,
            Reason = Reason,
            Assessment = Assessment,
            NoYouthCareReason = NoYouthCareReason,
            Routes = [.. ticked.Select(x => x.Input)],
        };
        var outcome = await RecordDecision.HandleAsync(commands, User, Id, request, cancellationToken);
        // The use case numbers the ticked routes from 0; the form numbers every route it offers.
        if (outcome.Errors is { } errors)
        {
            outcome = outcome with { Errors = errors.ToDictionary(e => RouteField(e.Key, ticked.Select(x => x.Index).ToList()), e => e.Value) };
        }

        return await outcome.ToPageResultAsync(
            this,
            ok: _ => RedirectToPage("/Handling/Signal", new { id = Id, done = "Decision" }),
            again: async () => await LoadAsync(cancellationToken) ? Page() : NotFound(),
            conflict: message => Conflict = message);
    }

    /// <summary>"Routes[k].Field" of the k-th ticked route as "Routes[i].Field" of the form's i-th route; other fields as they are.</summary>
    private static string RouteField(string field, IReadOnlyList<int> formIndexes)
    {
        var match = System.Text.RegularExpressions.Regex.Match(field, @"^Routes\[(\d+)\]\.");
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var k) && k < formIndexes.Count
            ? $"Routes[{formIndexes[k].ToString(System.Globalization.CultureInfo.InvariantCulture)}]." + field[match.Length..]
            : field;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var signal = await db.Signals.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Id, cancellationToken);
        if (signal is null || signal.Status is not (SignalStatus.OnAgenda or SignalStatus.InAnalysis))
        {
            return false;
        }

        IAuthorizationRequirement? requirement = Urgent ? new HandleSignalRequirement() : MeetingId is { } meetingId ? new DecideInMeetingRequirement(meetingId) : null;
        if (requirement is null || !(await authorization.AuthorizeAsync(User, signal, requirement)).Succeeded)
        {
            return false;
        }

        Signal = signal;
        Registry = await RecordDecision.RegistryAsync(commands, cancellationToken);
        return true;
    }

    /// <summary>The partners the registry lists for a route and the signal's forms: the only ones a decision may name.</summary>
    public IEnumerable<RegistryPartner> PartnersFor(Route route) =>
        RouteSuggestions.PartnersFor(route, Signal.Forms | Signal.ClassifiedForms, Registry);

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);
}
