using System.Security.Claims;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Intake;

/// <summary>The confirmation after submitting: the reference and what happens next. Only for the submitter's own signal.</summary>
[Authorize(Policy = Policies.Submitter)]
public sealed class SubmittedModel(MeldrouteDbContext db) : PageModel
{
    public string Reference { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!await db.Signals.AnyAsync(s => s.Reference == reference && s.SubmittedById == userId, cancellationToken))
        {
            return NotFound();
        }

        Reference = reference;
        return Page();
    }
}
