using System.ComponentModel.DataAnnotations;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Account;

/// <summary>Sign-in with e-mail address and password; then the second factor, or its enrolment.</summary>
[AllowAnonymous]
public sealed class LoginModel(
    SignInManager<MeldrouteUser> signInManager,
    UserManager<MeldrouteUser> users,
    IOptions<MeldrouteOptions> options,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    public string? FormError { get; private set; }

    public bool DemoMode => options.Value.DemoMode;

    public async Task OnGetAsync() =>
        // A fresh sign-in form starts from a clean slate, also for a half-finished two-factor sign-in.
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        var result = user is null
            ? await signInManager.PasswordSignInAsync(Input.Email, Input.Password, isPersistent: false, lockoutOnFailure: true)
            : await signInManager.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl });
        }

        if (result.Succeeded)
        {
            if (!options.Value.DemoMode && user is { TwoFactorEnabled: false })
            {
                return RedirectToPage("./EnrolAuthenticator", new { ReturnUrl });
            }

            return LocalRedirect(LocalUrl.OrHome(ReturnUrl));
        }

        FormError = result.IsLockedOut ? t["Login_LockedOut"] : t["Login_Failed"];
        return Page();
    }
}

public sealed class LoginInput
{
    [Required(ErrorMessage = "Validation_Required")]
    [EmailAddress(ErrorMessage = "Validation_Email")]
    [StringLength(256, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Login_Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(512, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Login_Password")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}
