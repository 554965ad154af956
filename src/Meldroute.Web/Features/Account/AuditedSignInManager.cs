using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Observability;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Account;

/// <summary>
/// Identity's sign-in manager with every sign-in, failed sign-in, lock-out and sign-out written to the audit log.
/// The cookie pages and the bearer-token API (MapIdentityApi) both go through here, so neither can skip it.
/// The typed user name is never recorded: only the id of an account that exists.
/// </summary>
public sealed class AuditedSignInManager(
    UserManager<MeldrouteUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<MeldrouteUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<MeldrouteUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<MeldrouteUser> confirmation,
    AuditTrail audit,
    TimeProvider clock)
    : SignInManager<MeldrouteUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            await audit.RecordAsync(new AuditEntry("signin.password", AuditOutcome.Failure, Purpose: "unknown-account"));
            MeldrouteMetrics.SignInFailed("password", "unknown-account");
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> PasswordSignInAsync(MeldrouteUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await RecordAsync("signin.password", user, result);
        // A locked account answers like a wrong password or an unknown account (the audit log keeps "locked-out"):
        // otherwise the answer tells anyone which accounts exist (issue 20). The message covers both.
        return result.IsLockedOut ? SignInResult.Failed : result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        await RecordAsync("signin.authenticator", user, result);
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        await RecordAsync("signin.recovery-code", user, result);
        return result;
    }

    public override async Task SignOutAsync()
    {
        await audit.RecordAsync(new AuditEntry("signout", AuditOutcome.Success, "user", UserManager.GetUserId(Context.User)));
        await base.SignOutAsync();
    }

    private async Task RecordAsync(string action, MeldrouteUser? user, SignInResult result)
    {
        var outcome = result.Succeeded ? AuditOutcome.Success : AuditOutcome.Failure;
        var purpose = result.Succeeded ? null
            : result.IsLockedOut ? "locked-out"
            : result.RequiresTwoFactor ? "second-factor-required"
            : result.IsNotAllowed ? "not-allowed"
            : "wrong-credentials";
        if (result.Succeeded && user is not null)
        {
            user.LastSignInAt = clock.GetUtcNow();
            await UserManager.UpdateAsync(user);
        }

        var roles = user is null ? null : string.Join(',', await UserManager.GetRolesAsync(user));
        await audit.RecordAsync(new AuditEntry(action, outcome, "user", user?.Id, purpose, user?.Id, roles));
        // Asking for the second factor is the next step of a sign-in, not a failure.
        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            MeldrouteMetrics.SignInFailed(action["signin.".Length..], purpose!);
        }
    }
}
