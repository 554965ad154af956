using System.ComponentModel.DataAnnotations;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Account;

/// <summary>Changing one's own password, e.g. the initial password an administrator handed over. Audited.</summary>
[Authorize(Policy = Policies.Enrolment)]
public sealed class ChangePasswordModel(UserManager<MeldrouteUser> users, SignInManager<MeldrouteUser> signInManager, AuditTrail audit, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Changed { get; private set; }

    /// <summary>The account still has a one-time password: nothing else opens until it is changed.</summary>
    public bool Required => User.HasClaim(PasswordChangedRequirement.MustChangeClaim, "true");

    public void OnGet() => Changed = Request.Query.ContainsKey("changed");

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword";
                var text = t["Identity_" + error.Code];
                ModelState.AddModelError(field, text.ResourceNotFound ? t["Identity_Other"] : text);
            }

            await audit.RecordAsync(new AuditEntry("password.changed", AuditOutcome.Failure, "user", user.Id));
            return Page();
        }

        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }

        await audit.RecordAsync(new AuditEntry("password.changed", AuditOutcome.Success, "user", user.Id));
        await signInManager.RefreshSignInAsync(user);
        return ReturnUrl is not null ? LocalRedirect(Shared.LocalUrl.OrHome(ReturnUrl)) : RedirectToPage(new { changed = true });
    }
}

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(512, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Password_Current")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(512, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Password_New")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    [Compare(nameof(NewPassword), ErrorMessage = "Password_Different")]
    [Display(Name = "Password_Confirm")]
    public string ConfirmPassword { get; set; } = "";
}
