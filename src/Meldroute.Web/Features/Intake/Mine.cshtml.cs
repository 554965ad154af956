using System.Security.Claims;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meldroute.Web.Features.Intake;

/// <summary>The reporter's own signals with their general status only (ListMySignals).</summary>
[Authorize(Policy = Policies.Submitter)]
public sealed class MineModel(MeldrouteDbContext db) : PageModel
{
    public IReadOnlyList<MySignal> Signals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Signals = await ListMySignals.HandleAsync(db, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
}
