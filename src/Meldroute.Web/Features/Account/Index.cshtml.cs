using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meldroute.Web.Features.Account;

/// <summary>One's own account: two-factor status and new recovery codes.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(UserManager<MeldrouteUser> users, AuditTrail audit) : PageModel
{
    public string Email { get; private set; } = "";

    public bool TwoFactorEnabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnrolAuthenticatorModel.RecoveryCodeCount) ?? []];
            await audit.RecordAsync(new AuditEntry("mfa.recovery-codes.renewed", AuditOutcome.Success, "user", user.Id));
        }

        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(MeldrouteUser user)
    {
        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
    }
}
