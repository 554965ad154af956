using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Intake;

/// <summary>The reporter's own signals with their general status only (ListMySignals).</summary>
[Authorize(Policy = Policies.Submitter)]
public sealed class MineModel(MeldrouteDbContext db, Audit.AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public KeysetPage<MySignal> Signals { get; private set; } = new([], null, null) { IsFirst = true };

    /// <summary>Where the page of signals starts (<see cref="PageCursor"/>); an unreadable one shows the first page.</summary>
    [BindProperty(SupportsGet = true, Name = PageCursor.Parameter)]
    public string? Cursor { get; set; }

    public Pager Pager => new("/Intake/Mine", Signals.Previous, Signals.Next, new Dictionary<string, string?>()) { PastFirst = !Signals.IsFirst };

    /// <summary>The reporter's unsent drafts (<see cref="IntakeDrafts"/>).</summary>
    public IReadOnlyList<IntakeDraftSummary> Drafts { get; private set; } = [];

    public bool Deleted { get; private set; }

    public async Task OnGetAsync(bool deleted, CancellationToken cancellationToken)
    {
        Deleted = deleted;
        Drafts = await IntakeDrafts.ListAsync(db, UserId, cancellationToken);
        var signals = await ListMySignals.HandleAsync(db, t, UserId, Cursor, ListMySignals.PageSize, cancellationToken);
        Signals = signals.Value ?? (await ListMySignals.HandleAsync(db, t, UserId, null, ListMySignals.PageSize, cancellationToken)).Value!;
    }

    public async Task<IActionResult> OnPostDeleteDraftAsync(Guid id, CancellationToken cancellationToken) =>
        await IntakeDrafts.DeleteAsync(db, audit, clock, UserId, id, "deleted-by-author", cancellationToken)
            ? RedirectToPage(new { deleted = true })
            : NotFound();

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
