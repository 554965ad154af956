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
    IOptions<OidcOptions> oidc,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    public string? FormError { get; private set; }

    /// <summary>Why a sign-in through the identity provider was refused (a code, never personal data).</summary>
    [BindProperty(SupportsGet = true, Name = "oidc")]
    public ExternalSignIn.Refusal? OidcRefusal { get; set; }

    public bool DemoMode => options.Value.DemoMode;

    /// <summary>The identity provider's name for the "Inloggen met …" button, or null when that sign-in is off.</summary>
    public string? OidcDisplayName => oidc.Value.Enabled ? oidc.Value.DisplayName : null;

    public async Task OnGetAsync()
    {
        // A fresh sign-in form starts from a clean slate, also for a half-finished two-factor sign-in.
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        FormError = OidcRefusal switch
        {
            null => FormError,
            ExternalSignIn.Refusal.NoRole => t["Oidc_Refused_NoRole"],
            ExternalSignIn.Refusal.AmbiguousRole => t["Oidc_Refused_AmbiguousRole"],
            ExternalSignIn.Refusal.MfaRequired => t["Oidc_Refused_MfaRequired"],
            ExternalSignIn.Refusal.Blocked => t["Oidc_Refused_Blocked"],
            ExternalSignIn.Refusal.EmailInUse => t["Oidc_Refused_EmailInUse"],
            _ => t["Oidc_Refused_Failed"],
        };
    }

    /// <summary>Hands the browser to the identity provider; it comes back on /signin-oidc, then ExternalLogin.</summary>
    public IActionResult OnPostOidc()
    {
        if (!oidc.Value.Enabled)
        {
            return NotFound();
        }

        var callback = Url.Page("./ExternalLogin", "Callback", new { ReturnUrl = LocalUrl.OrHome(ReturnUrl) });
        var properties = signInManager.ConfigureExternalAuthenticationProperties(OidcOptions.Scheme, callback);
        return Challenge(properties, OidcOptions.Scheme);
    }

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

        // One answer for a wrong password, an unknown account and a locked one (AuditedSignInManager).
        FormError = t["Login_Failed"];
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
