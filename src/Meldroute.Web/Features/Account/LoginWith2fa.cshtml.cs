using System.ComponentModel.DataAnnotations;
using Meldroute.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Account;

/// <summary>
/// The second step of sign-in: the code from the authenticator app, or (with <see cref="Recovery"/>) one of the
/// one-time recovery codes for a lost phone.
/// </summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<MeldrouteUser> signInManager, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Recovery { get; set; }

    public string? FormError { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("./Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal);
        var result = Recovery
            ? await signInManager.TwoFactorRecoveryCodeSignInAsync(code)
            : await signInManager.TwoFactorAuthenticatorSignInAsync(code.Replace("-", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(LocalUrl.OrHome(ReturnUrl));
        }

        FormError = result.IsLockedOut ? t["Login_LockedOut"] : t[Recovery ? "Recovery_Failed" : "TwoFactor_Failed"];
        return Page();
    }
}

public sealed class CodeInput
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(20, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "TwoFactor_Code")]
    public string Code { get; set; } = "";
}
