using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Admin.AccessReview;

/// <summary>The yearly access review (BIO 5.18): every account with its roles and last sign-in, printable and as CSV.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public RecordAccessReviewRequest Input { get; set; } = new();

    public AccessReviewView Review { get; private set; } = null!;

    public bool Recorded { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Recorded = Request.Query.ContainsKey("recorded");
        Review = await AccessReviews.GetAsync(db, clock.GetUtcNow(), cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        File(await AccessReviews.ExportCsvAsync(db, audit, clock.GetUtcNow(), cancellationToken), "text/csv; charset=utf-8", $"toegangsreview-{clock.GetUtcNow():yyyyMMdd}.csv");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await AccessReviews.RecordAsync(db, audit, clock, t, User, Input, cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            return RedirectToPage(new { recorded = true });
        }

        outcome.Errors?.AddTo(ModelState, nameof(Input));
        Review = await AccessReviews.GetAsync(db, clock.GetUtcNow(), cancellationToken);
        return Page();
    }
}
