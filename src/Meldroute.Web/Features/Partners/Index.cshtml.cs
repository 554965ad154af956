using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meldroute.Web.Features.Partners;

/// <summary>The network overview: Table 1 of the plan, one row per partner, grouped internal / external / stakeholders.</summary>
[Authorize(Policy = Policies.PartnerReader)]
public sealed class IndexModel(MeldrouteDbContext db, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<PartnerView> Partners { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Partners = await ListPartners.HandleAsync(db, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.PartnerEditor)).Succeeded;
    }
}
