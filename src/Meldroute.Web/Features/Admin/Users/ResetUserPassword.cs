using System.Security.Claims;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Admin.Users;

/// <summary>ResetUserPassword's answer: the one-time password, shown once.</summary>
public sealed record ResetUserPasswordResponse(string Id, string OneTimePassword);

/// <summary>
/// ResetUserPassword: the administrator gives a user who lost their password a new one-time password, shown once.
/// The user must change it at the next sign-in; their sessions end now. The second factor stays as it was.
/// </summary>
public static class ResetUserPassword
{
    public static async Task<Outcome<string>> HandleAsync(UserManager<MeldrouteUser> users, AuditTrail audit, IStringLocalizer t, ClaimsPrincipal admin, string userId, CancellationToken cancellationToken)
    {
        if (await UserChanges.FindOtherAsync(users, admin, userId) is not { } found)
        {
            return UserChanges.SelfOrMissing(users, admin, userId, t);
        }

        var password = InitialPassword.Generate();
        var result = await users.ResetPasswordAsync(found, await users.GeneratePasswordResetTokenAsync(found), password);
        if (!result.Succeeded)
        {
            return Outcome<string>.Conflict(t["Users_ResetFailed"]);
        }

        found.MustChangePassword = true;
        await users.UpdateAsync(found);
        await users.UpdateSecurityStampAsync(found);
        await audit.RecordAsync(new AuditEntry("user.password.reset", AuditOutcome.Success, "user", found.Id), cancellationToken);
        return Outcome<string>.Ok(password);
    }
}
