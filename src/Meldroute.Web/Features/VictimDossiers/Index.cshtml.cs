using Meldroute.Web.Features.Retention;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>The list of victim dossiers: all of them for the coordinator, the granted ones for anyone else.</summary>
[Authorize(Policy = Policies.DossierReader)]
public sealed class IndexModel(MeldrouteDbContext db, TimeProvider clock, IOptions<RetentionOptions> retention) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool IncludeClosed { get; set; }

    /// <summary>Only the open dossiers whose reflection period ends within <see cref="ListVictimDossiers.ReflectionEndingDays"/> days (the coordinator's dashboard links here).</summary>
    [BindProperty(SupportsGet = true)]
    public bool ReflectionEnding { get; set; }

    public IReadOnlyList<DossierSummary> Dossiers { get; private set; } = [];

    public bool IsCoordinator => User.IsInRole(Roles.VictimCareCoordinator);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Dossiers = await ListVictimDossiers.HandleAsync(db, User, clock.GetUtcNow(), retention.Value, new DossierFilter(IncludeClosed, ReflectionEnding), cancellationToken);
}
