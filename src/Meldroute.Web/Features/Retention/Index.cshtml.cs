using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Retention;

/// <summary>The privacy officer's view of retention: upcoming purges (what, when, which rule — no content) and legal holds.</summary>
[Authorize(Policy = Policies.PrivacyOfficer)]
public sealed class IndexModel(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IOptions<RetentionOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public PlaceLegalHoldRequest Hold { get; set; } = new();

    public IReadOnlyList<UpcomingPurge> Upcoming { get; private set; } = [];

    public RetentionOptions Terms => options.Value;

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostHoldAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await PlaceLegalHold.HandleAsync(db, audit, clock, t, User, Hold, cancellationToken);
        return await outcome.ToPageResultAsync(this, ok: _ => RedirectToPage(), again: AgainAsync, prefix: nameof(Hold));
    }

    public async Task<IActionResult> OnPostLiftAsync(Guid holdId, CancellationToken cancellationToken)
    {
        var outcome = await LiftLegalHold.HandleAsync(db, audit, clock, t, User, holdId, cancellationToken);
        return await outcome.ToPageResultAsync(this, ok: _ => RedirectToPage(), again: AgainAsync, conflict: m => Message = m);
    }

    private async Task<IActionResult> AgainAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Upcoming = await ListUpcomingPurges.HandleAsync(db, options.Value, cancellationToken);
}
