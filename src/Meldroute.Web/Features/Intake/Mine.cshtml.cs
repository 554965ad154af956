using System.Security.Claims;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meldroute.Web.Features.Intake;

/// <summary>The reporter's own signals with their general status only (ListMySignals).</summary>
[Authorize(Policy = Policies.Submitter)]
public sealed class MineModel(MeldrouteDbContext db, Audit.AuditTrail audit, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MySignal> Signals { get; private set; } = [];

    /// <summary>The reporter's unsent drafts (<see cref="IntakeDrafts"/>).</summary>
    public IReadOnlyList<IntakeDraftSummary> Drafts { get; private set; } = [];

    public bool Deleted { get; private set; }

    public async Task OnGetAsync(bool deleted, CancellationToken cancellationToken)
    {
        Deleted = deleted;
        Drafts = await IntakeDrafts.ListAsync(db, UserId, cancellationToken);
        Signals = await ListMySignals.HandleAsync(db, UserId, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteDraftAsync(Guid id, CancellationToken cancellationToken) =>
        await IntakeDrafts.DeleteAsync(db, audit, clock, UserId, id, "deleted-by-author", cancellationToken)
            ? RedirectToPage(new { deleted = true })
            : NotFound();

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
