using System.Security.Claims;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Home;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features;

/// <summary>
/// The start page: who you are, the dashboard of each of your roles (GetDashboard: numbers that link to the lists they
/// count), what the installation still lacks, and what your roles let you do here.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(
    UserManager<MeldrouteUser> users,
    Infrastructure.Data.MeldrouteDbContext db,
    IServiceScopeFactory scopes,
    Audit.AuditAnchor anchor,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t,
    IOptions<Figures.FiguresOptions> figures,
    IOptions<Retention.RetentionOptions> retention) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public IReadOnlyList<string> Roles { get; private set; } = [];

    /// <summary>The blocks of the user's roles.</summary>
    public Dashboard Dashboard { get; private set; } = new([]);

    /// <summary>Victim dossiers a partner's account was granted access to (the coordinator finds them in the navigation).</summary>
    public int GrantedDossiers { get; private set; }

    /// <summary>What the installation still lacks for the reporting route (the first-run checklist); empty once set up.</summary>
    public IReadOnlyList<Setup.SetupItem> SetupMissing { get; private set; } = [];

    public bool MaySetUp { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        DisplayName = user?.DisplayName ?? User.Identity?.Name ?? "";
        Roles = [.. User.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(r => Infrastructure.Security.Roles.All.Contains(r))];
        Dashboard = await GetDashboard.HandleAsync(new DashboardServices(db, scopes, anchor, clock, t, figures, retention), User, cancellationToken);
        SetupMissing = [.. (await Setup.SetupChecklist.GetAsync(db, cancellationToken)).Where(i => !i.Done)];
        MaySetUp = User.IsInRole(Infrastructure.Security.Roles.Administrator);
        if (!User.IsInRole(Infrastructure.Security.Roles.VictimCareCoordinator))
        {
            GrantedDossiers = await VictimDossiers.ListVictimDossiers.CountAsync(db, User, clock.GetUtcNow(), new VictimDossiers.DossierFilter(), cancellationToken);
        }
    }
}
