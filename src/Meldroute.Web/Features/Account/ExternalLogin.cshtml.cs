using Meldroute.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Account;

/// <summary>
/// Where the identity provider's sign-in ends (after /signin-oidc has verified the id token). On success it answers
/// with a page that continues to the return URL itself rather than with a redirect: this request is still part of
/// the identity provider's cross-site redirect chain, with which the SameSite=Strict session cookie is not sent;
/// the page's own navigation is same-site, so the session cookie accompanies it.
/// </summary>
[AllowAnonymous]
public sealed class ExternalLoginModel(ExternalSignIn externalSignIn, IOptions<OidcOptions> oidc) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string ContinueUrl { get; private set; } = "/";

    public IActionResult OnGet() => oidc.Value.Enabled ? RedirectToPage("./Login") : NotFound();

    public async Task<IActionResult> OnGetCallbackAsync()
    {
        if (!oidc.Value.Enabled)
        {
            return NotFound();
        }

        var result = await externalSignIn.SignInAsync(HttpContext);
        if (result.Refused is { } refusal)
        {
            return Redirect(ExternalSignIn.LoginPageFor(refusal));
        }

        ContinueUrl = LocalUrl.OrHome(ReturnUrl);
        return Page();
    }
}
