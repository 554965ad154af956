using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meldroute.Web.Features.Account;

/// <summary>Sign-out, by a form post (a link could be triggered by another site). GET shows the button.</summary>
[Authorize(Policy = Policies.Enrolment)]
public sealed class LogoutModel(SignInManager<MeldrouteUser> signInManager) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signInManager.SignOutAsync();
        return RedirectToPage("./Login", new { signedOut = true });
    }
}
