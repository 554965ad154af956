using System.Security.Claims;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meldroute.Web.Features;

/// <summary>The start page: who you are and what your roles let you do here.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(UserManager<MeldrouteUser> users, Infrastructure.Data.MeldrouteDbContext db, TimeProvider clock) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public IReadOnlyList<string> Roles { get; private set; } = [];

    /// <summary>Victim dossiers a partner's account was granted access to (the coordinator finds them in the navigation).</summary>
    public int GrantedDossiers { get; private set; }

    /// <summary>What the installation still lacks for the reporting route (the first-run checklist); empty once set up.</summary>
    public IReadOnlyList<Setup.SetupItem> SetupMissing { get; private set; } = [];

    public bool MaySetUp { get; private set; }

    public async Task OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        DisplayName = user?.DisplayName ?? User.Identity?.Name ?? "";
        Roles = [.. User.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(r => Infrastructure.Security.Roles.All.Contains(r))];
        SetupMissing = [.. (await Setup.SetupChecklist.GetAsync(db, HttpContext.RequestAborted)).Where(i => !i.Done)];
        MaySetUp = User.IsInRole(Infrastructure.Security.Roles.Administrator);
        if (!User.IsInRole(Infrastructure.Security.Roles.VictimCareCoordinator))
        {
            GrantedDossiers = await VictimDossiers.ListVictimDossiers.CountGrantedOpenAsync(db, User, clock.GetUtcNow(), HttpContext.RequestAborted);
        }
    }
}
