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
public sealed class IndexModel(MeldrouteDbContext db, RunRetention retention, AuditTrail audit, TimeProvider clock, IOptions<RetentionOptions> options, IStringLocalizer<SharedResource> t) : PageModel
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
        var outcome = await LegalHolds.PlaceAsync(db, audit, clock, t, User, Hold, cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            return RedirectToPage();
        }

        outcome.Errors?.AddTo(ModelState, nameof(Hold));
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostLiftAsync(Guid holdId, CancellationToken cancellationToken)
    {
        var outcome = await LegalHolds.LiftAsync(db, audit, clock, t, User, holdId, cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        Message = outcome.Message;
        if (outcome.Kind == OutcomeKind.Ok)
        {
            return RedirectToPage();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Upcoming = await retention.UpcomingAsync(cancellationToken);
}
