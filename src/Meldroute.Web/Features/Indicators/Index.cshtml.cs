using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meldroute.Web.Features.Indicators;

/// <summary>The indicator checklist (ListIndicators), active and retired; the administrator changes it on Edit.</summary>
[Authorize(Policy = Policies.ReferenceDataReader)]
public sealed class IndexModel(MeldrouteDbContext db, IAuthorizationService authorization) : PageModel
{
    public IndicatorList List { get; private set; } = new([], Guid.Empty);

    public bool CanEdit { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        List = await UpdateIndicators.ListAsync(db, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Administrator)).Succeeded;
    }
}
