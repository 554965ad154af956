using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Privacy;

/// <summary>Adding or changing one processing activity of the register.</summary>
[Authorize(Policy = Policies.PrivacyOfficer)]
public sealed class ActivityModel(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public ProcessingActivityRequest Input { get; set; } = new();

    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is null)
        {
            return Page();
        }

        var activity = await db.ProcessingActivities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == Id, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }

        Input = ProcessingActivityRequest.From(activity);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = Id is null
            ? await AddProcessingActivity.HandleAsync(db, audit, clock, t, User, Input, cancellationToken)
            : await UpdateProcessingActivity.HandleAsync(db, audit, clock, t, User, Id.Value, Input, cancellationToken);
        return await outcome.ToPageResultAsync(this, ok: _ => RedirectToPage("Register"), again: () => Task.FromResult<IActionResult>(Page()), prefix: nameof(Input), conflict: m => Conflict = m);
    }

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);
}
