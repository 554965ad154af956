using System.Security.Claims;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Admin.Users;

/// <summary>
/// SetUserRole, DisableUser, EnableUser: the administrator changes who may do what. Every change ends the user's
/// sessions (new security stamp: cookies are re-checked within a minute, tokens cannot be refreshed) and is audited.
/// Nobody changes their own roles or blocks themselves.
/// </summary>
public static class ManageUsers
{
    public static async Task<Outcome<string>> SetRoleAsync(UserManager<MeldrouteUser> users, AuditTrail audit, IStringLocalizer t, ClaimsPrincipal admin, string userId, string? role, CancellationToken cancellationToken)
    {
        if (role is null || !Roles.All.Contains(role))
        {
            return Outcome<string>.Invalid("Role", t["Validation_UnknownRole"]);
        }

        if (await FindOtherAsync(users, admin, userId) is not { } found)
        {
            return SelfOrMissing(users, admin, userId, t);
        }

        var current = await users.GetRolesAsync(found);
        await users.RemoveFromRolesAsync(found, current);
        await users.AddToRoleAsync(found, role);
        await users.UpdateSecurityStampAsync(found);
        await audit.RecordAsync(new AuditEntry("user.role.changed", AuditOutcome.Success, "user", found.Id, $"{string.Join('+', current)}->{role}"), cancellationToken);
        return Outcome<string>.Ok(found.Id);
    }

    public static async Task<Outcome<string>> SetBlockedAsync(UserManager<MeldrouteUser> users, AuditTrail audit, IStringLocalizer t, ClaimsPrincipal admin, string userId, bool blocked, CancellationToken cancellationToken)
    {
        if (await FindOtherAsync(users, admin, userId) is not { } found)
        {
            return SelfOrMissing(users, admin, userId, t);
        }

        await users.SetLockoutEnabledAsync(found, true);
        await users.SetLockoutEndDateAsync(found, blocked ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(found);
        await audit.RecordAsync(new AuditEntry(blocked ? "user.blocked" : "user.unblocked", AuditOutcome.Success, "user", found.Id), cancellationToken);
        return Outcome<string>.Ok(found.Id);
    }

    /// <summary>
    /// ResetUserPassword: the administrator gives a user who lost their password a new one-time password, shown once.
    /// The user must change it at the next sign-in; their sessions end now. The second factor stays as it was.
    /// </summary>
    public static async Task<Outcome<string>> ResetPasswordAsync(UserManager<MeldrouteUser> users, AuditTrail audit, IStringLocalizer t, ClaimsPrincipal admin, string userId, CancellationToken cancellationToken)
    {
        if (await FindOtherAsync(users, admin, userId) is not { } found)
        {
            return SelfOrMissing(users, admin, userId, t);
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

    /// <summary>The user to change, or null when it is the administrator themselves or does not exist.</summary>
    private static async Task<MeldrouteUser?> FindOtherAsync(UserManager<MeldrouteUser> users, ClaimsPrincipal admin, string userId) =>
        userId == users.GetUserId(admin) ? null : await users.FindByIdAsync(userId);

    private static Outcome<string> SelfOrMissing(UserManager<MeldrouteUser> users, ClaimsPrincipal admin, string userId, IStringLocalizer t) =>
        userId == users.GetUserId(admin) ? Outcome<string>.Conflict(t["Users_NotYourself"]) : Outcome<string>.NotFound();
}

