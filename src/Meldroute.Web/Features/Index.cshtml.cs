using System.Security.Claims;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meldroute.Web.Features;

/// <summary>The start page: who you are and what your roles let you do here.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(UserManager<MeldrouteUser> users) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        DisplayName = user?.DisplayName ?? User.Identity?.Name ?? "";
        Roles = [.. User.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(r => Infrastructure.Security.Roles.All.Contains(r))];
    }
}
