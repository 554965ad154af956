using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meldroute.Web.Features.Handling;

/// <summary>The officer's inbox (ListSignals): open signals, oldest first, filtered on the server by a plain GET form.</summary>
[Authorize(Policy = Policies.SpecialistOfficer)]
public sealed class IndexModel(MeldrouteDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Retention.RetentionOptions> retention) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SignalStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public ExploitationForms? Form { get; set; }

    [BindProperty(SupportsGet = true)]
    public SignalSource? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? OlderThanDays { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public InboxPage Inbox { get; private set; } = new([], 0, 1, ListSignals.PageSize);

    public int PageCount => Math.Max(1, (Inbox.Total + Inbox.PageSize - 1) / Inbox.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Unreadable filter values are ignored rather than failing the page.
        ModelState.Clear();
        Inbox = await ListSignals.HandleAsync(db, new SignalFilter
        {
            Status = Status,
            Form = Form,
            Source = Source,
            OlderThanDays = OlderThanDays is > 0 and < 3650 ? OlderThanDays : null,
            OpenOnly = Status is null,
            Page = Math.Clamp(PageNumber, 1, 100_000),
        }, clock.GetUtcNow(), retention.Value, cancellationToken);
    }

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["Status"] = Status?.ToString(),
        ["Form"] = Form?.ToString(),
        ["Source"] = Source?.ToString(),
        ["OlderThanDays"] = OlderThanDays?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
