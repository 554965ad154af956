using System.Globalization;
using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Handling;

/// <summary>
/// The officer's inbox for triage (ListSignals): acute and high urgency first, each row with its next step's due date
/// against the lead-time norms, filtered and sorted on the server. The filters work as a plain GET form; a search by
/// words is posted instead, so that words from a signal's description never end up in a URL (or a log of URLs).
/// Taking a signal (TakeSignal) is a small form on each row.
/// </summary>
[Authorize(Policy = Policies.SpecialistOfficer)]
public sealed class IndexModel(MeldrouteDbContext db, AuditTrail audit, SignalChanges commands, TimeProvider clock, IOptions<Retention.RetentionOptions> retention, IOptions<FiguresOptions> norms, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SignalStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public ExploitationForms? Form { get; set; }

    [BindProperty(SupportsGet = true)]
    public SignalSource? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public Urgency? Urgency { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? OlderThanDays { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Late { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public InboxSort? Sort { get; set; }

    /// <summary>Posted only (never from the query string): the words may come from a description.</summary>
    [BindProperty]
    public string? Q { get; set; }

    /// <summary>Where the page starts (<see cref="PageCursor"/>); an unreadable one shows the first page.</summary>
    [BindProperty(SupportsGet = true, Name = PageCursor.Parameter)]
    public string? Cursor { get; set; }

    /// <summary>The signal to take and the version the officer saw.</summary>
    [BindProperty]
    public Guid TakeId { get; set; }

    [BindProperty]
    public Guid? TakeVersion { get; set; }

    public InboxPage Inbox { get; private set; } = new([], null, 1, ListSignals.PageSize);

    public string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>A refused take (someone else changed the signal meanwhile, or it is no longer open).</summary>
    public string? Conflict { get; private set; }

    [TempData]
    public string? Taken { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken)
    {
        Q = null;
        return LoadAsync(cancellationToken);
    }

    /// <summary>The same list with a search: the form posts, with antiforgery.</summary>
    public Task OnPostAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostTakeAsync(CancellationToken cancellationToken)
    {
        var outcome = await TakeSignal.HandleAsync(commands, User, TakeId, new TakeSignalRequest { Version = TakeVersion }, cancellationToken);
        return await outcome.ToPageResultAsync(
            this,
            ok: taken =>
            {
                Taken = taken.Reference;
                return RedirectToPage("./Index", RouteFor(Cursor));
            },
            again: async () =>
            {
                await LoadAsync(cancellationToken);
                return Page();
            },
            conflict: message => Conflict = message);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // Unreadable filter values are ignored rather than failing the page; so is an unreadable cursor (the first page).
        ModelState.Clear();
        var filter = new SignalFilter
        {
            Status = Status,
            Form = Form,
            Source = Source,
            Urgency = Urgency,
            OlderThanDays = OlderThanDays is > 0 and < 3650 ? OlderThanDays : null,
            OpenOnly = Status is null,
            LateOnly = Late,
            AssignedTo = Mine ? UserId ?? "" : null,
            Query = Q,
            Sort = Sort ?? InboxSort.Urgency,
            Cursor = Cursor,
        };
        var outcome = await ListSignals.HandleAsync(db, audit, t, filter, clock.GetUtcNow(), retention.Value, norms.Value, cancellationToken);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            filter.Cursor = Cursor = null;
            outcome = await ListSignals.HandleAsync(db, audit, t, filter, clock.GetUtcNow(), retention.Value, norms.Value, cancellationToken);
        }

        Inbox = outcome.Value!;
    }

    /// <summary>The pages before and after this one; with a search they are buttons of the search form, so that its words stay out of the URL.</summary>
    public Pager Pager => new("/Handling/Index", Inbox.Previous, Inbox.Next, RouteFor(null), string.IsNullOrWhiteSpace(Q) ? null : "inbox-filters")
    {
        NextText = Inbox.SearchLimitReached ? "Inbox_SearchFurther" : null,
        PastFirst = Inbox.Page is null,
    };

    public Dictionary<string, string?> RouteFor(string? cursor) => new()
    {
        ["Status"] = Status?.ToString(),
        ["Form"] = Form?.ToString(),
        ["Source"] = Source?.ToString(),
        ["Urgency"] = Urgency?.ToString(),
        ["OlderThanDays"] = OlderThanDays?.ToString(CultureInfo.InvariantCulture),
        ["Late"] = Late ? "true" : null,
        ["Mine"] = Mine ? "true" : null,
        ["Sort"] = Sort?.ToString(),
        [PageCursor.Parameter] = cursor,
    };
}
