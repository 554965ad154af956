using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Partners;

/// <summary>One route on the partner's page: whether the partner takes it, and whether it is suggested first.</summary>
public sealed class RouteChoice
{
    public Route Route { get; set; }

    public bool Takes { get; set; }

    public bool IsDefault { get; set; }
}

/// <summary>
/// A new partner, or changing one: its row of Table 1, contact persons and work processes (CreatePartner,
/// UpdatePartner); its routes (SetPartnerRoutes); archiving it or taking it out of the archive (ArchivePartner).
/// </summary>
[Authorize(Policy = Policies.PartnerEditor)]
public sealed class EditModel(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Empty rows offered for new contact persons.</summary>
    public const int BlankContacts = 2;

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public PartnerRequest Input { get; set; } = new();

    /// <summary>The work processes, one per line.</summary>
    [BindProperty]
    public string? WorkProcessesText { get; set; }

    [BindProperty]
    public List<RouteChoice> Routes { get; set; } = [];

    public string? Conflict { get; private set; }

    public PartnerView? Partner { get; private set; }

    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await GetPartner.HandleAsync(db, id, cancellationToken) is not { } partner)
            {
                return NotFound();
            }

            Partner = partner;
            Input = PartnerRequest.From(partner);
            WorkProcessesText = string.Join('\n', partner.WorkProcesses);
            Routes = ChoicesFor(partner);
        }

        AddBlankContacts();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        // Not posted (a client that leaves the field out): unchanged; posted empty: no work processes.
        Input.WorkProcesses = Request.Form.ContainsKey(nameof(WorkProcessesText))
            ? [.. (WorkProcessesText ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)]
            : null;
        var outcome = Id is { } id
            ? await UpdatePartner.HandleAsync(db, audit, clock, t, User, id, Input, cancellationToken)
            : await CreatePartner.HandleAsync(db, audit, clock, t, User, Input, cancellationToken);
        return await outcome.ToPageResultAsync(this, ok: p => RedirectToPage("Partner", new { id = p.Id, saved = true }), again: AgainAsync, prefix: nameof(Input), conflict: m => Conflict = m);

        async Task<IActionResult> AgainAsync()
        {
            await LoadAsync(cancellationToken, keepRoutes: false);
            AddBlankContacts();
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRoutesAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Id is not { } id)
        {
            return NotFound();
        }

        var request = new PartnerRoutesRequest
        {
            Version = Input.Version,
            Routes = [.. Routes.Where(r => r.Takes).Select(r => new PartnerRouteInput { Route = r.Route, IsDefault = r.IsDefault })],
        };
        var outcome = await SetPartnerRoutes.HandleAsync(db, audit, clock, t, User, id, request, cancellationToken);
        return await outcome.ToPageResultAsync(this, ok: p => RedirectToPage("Partner", new { id = p.Id, saved = true }), again: AgainAsync, prefix: nameof(Routes), conflict: m => Conflict = m);

        async Task<IActionResult> AgainAsync()
        {
            await LoadAsync(cancellationToken, keepRoutes: true);
            AddBlankContacts();
            return Page();
        }
    }

    public async Task<IActionResult> OnPostArchiveAsync(bool archived, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Id is not { } id)
        {
            return NotFound();
        }

        var outcome = await ArchivePartner.HandleAsync(db, audit, clock, t, User, id, new ArchivePartnerRequest { Version = Input.Version, Archived = archived }, cancellationToken);
        return await outcome.ToPageResultAsync(this, ok: p => RedirectToPage("Partner", new { id = p.Id, saved = true }), again: AgainAsync, prefix: "", conflict: m => Conflict = m);

        async Task<IActionResult> AgainAsync()
        {
            await LoadAsync(cancellationToken, keepRoutes: false);
            AddBlankContacts();
            return Page();
        }
    }

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);

    /// <summary>The work processes' errors (per line in the request) next to their one text area.</summary>
    public string? WorkProcessesError =>
        ModelState.Where(e => e.Key.StartsWith("Input.WorkProcesses", StringComparison.Ordinal)).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).FirstOrDefault();

    public static IEnumerable<Route> RoutesOffered => Enum.GetValues<Route>().Where(r => r != Route.NoFurtherAction);

    /// <summary>After a refusal: the stored partner for the page's other forms; what the user typed stays in the posted form.</summary>
    private async Task LoadAsync(CancellationToken cancellationToken, bool keepRoutes)
    {
        if (Id is { } id && await GetPartner.HandleAsync(db, id, cancellationToken) is { } partner)
        {
            Partner = partner;
            if (!keepRoutes)
            {
                Routes = ChoicesFor(partner);
            }
        }
    }

    private static List<RouteChoice> ChoicesFor(PartnerView partner) =>
        [.. RoutesOffered.Select(r => new RouteChoice { Route = r, Takes = partner.Routes.Contains(r), IsDefault = partner.DefaultRoutes?.Contains(r) == true })];

    private void AddBlankContacts()
    {
        var blanks = Input.Contacts.Count(c => c.IsEmpty);
        for (var i = blanks; i < BlankContacts && Input.Contacts.Count < PartnerNetwork.ContactsMax; i++)
        {
            Input.Contacts.Add(new PartnerContactInput());
        }
    }
}
