using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meldroute.Web.Features.Partners;

/// <summary>The work processes per partner: Table 2 of the plan.</summary>
[Authorize(Policy = Policies.PartnerReader)]
public sealed class WorkProcessesModel(MeldrouteDbContext db) : PageModel
{
    public IReadOnlyList<PartnerView> Partners { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Partners = [.. (await ListPartners.HandleAsync(db, cancellationToken)).Where(p => p.WorkProcesses.Count > 0)];
}
