using Meldroute.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Account;

/// <summary>
/// Where a forbidden page sends the browser. A signed-in user who has not yet set up the authenticator app is
/// sent to the enrolment instead: that is the only thing standing between them and their pages.
/// </summary>
[AllowAnonymous]
public sealed class AccessDeniedModel(UserManager<MeldrouteUser> users, IOptions<MeldrouteOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!options.Value.DemoMode && User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { TwoFactorEnabled: false })
        {
            return RedirectToPage("./EnrolAuthenticator", new { ReturnUrl });
        }

        // 200, not 403: the denial was the redirect that brought the browser here.
        return Page();
    }
}
