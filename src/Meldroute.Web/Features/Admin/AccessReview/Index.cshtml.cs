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
        Review = await GetAccessReview.HandleAsync(db, clock.GetUtcNow(), cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        File(await ExportAccessReview.HandleAsync(db, audit, clock.GetUtcNow(), cancellationToken), ExportAccessReview.ContentType, $"toegangsreview-{clock.GetUtcNow():yyyyMMdd}.csv");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await RecordAccessReview.HandleAsync(db, audit, clock, t, User, Input, cancellationToken);
        return await outcome.ToPageResultAsync(this, ok: _ => RedirectToPage(new { recorded = true }), again: AgainAsync, prefix: nameof(Input));

        async Task<IActionResult> AgainAsync()
        {
            Review = await GetAccessReview.HandleAsync(db, clock.GetUtcNow(), cancellationToken);
            return Page();
        }
    }
}
