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
        var outcome = await ProcessingRegister.SaveAsync(db, audit, clock, t, User, Id, Input, cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return RedirectToPage("Register");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Invalid:
                outcome.Errors!.AddTo(ModelState, nameof(Input));
                break;
            default:
                Conflict = outcome.Message;
                break;
        }

        return Page();
    }

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);
}
