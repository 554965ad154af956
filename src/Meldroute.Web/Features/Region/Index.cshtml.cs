using Meldroute.Web.Features.Figures;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Region;

/// <summary>The region's page: the figures of every municipality of the region side by side and summed, and each one's agenda and framework status.</summary>
[Authorize(Policy = Policies.RegionalAnalyst)]
public sealed class IndexModel(MeldrouteDbContext db, IServiceScopeFactory scopes, IOptions<FiguresOptions> options, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public RegionalFigureQuery Query { get; set; } = new();

    public RegionalFiguresResult Figures { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // A hand-edited year out of range shows all years instead of an error, as the figures page does.
            Query = new RegionalFigureQuery();
        }

        Figures = await GetRegionalFigures.HandleAsync(db, scopes, Query.Year, options.Value, clock.GetUtcNow(), t, cancellationToken);
        return Page();
    }
}
