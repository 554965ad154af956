using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meldroute.Web.Features.Partners;

/// <summary>One partner: its row of Table 1, work processes, routes, contact persons and the list of changes.</summary>
[Authorize(Policy = Policies.PartnerReader)]
public sealed class PartnerModel(MeldrouteDbContext db, IAuthorizationService authorization) : PageModel
{
    public PartnerView Partner { get; private set; } = null!;

    public IReadOnlyList<PartnerChangeView> Changes { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await GetPartner.HandleAsync(db, id, cancellationToken) is not { } partner)
        {
            return NotFound();
        }

        Partner = partner;
        Changes = await GetPartner.ChangesAsync(db, id, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.PartnerEditor)).Succeeded;
        return Page();
    }
}
