using System.Security.Claims;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Admin.Users;

/// <summary>
/// What the administrator's changes to a user share (SetUserRole, DisableUser, EnableUser, ResetUserPassword): every
/// change ends the user's sessions (new security stamp: cookies are re-checked within a minute, tokens cannot be
/// refreshed) and is audited. Nobody changes their own roles or blocks themselves.
/// </summary>
public static class UserChanges
{
    /// <summary>DisableUser and EnableUser: blocking sets the lock-out to the end of time.</summary>
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

    /// <summary>The user to change, or null when it is the administrator themselves or does not exist.</summary>
    public static async Task<MeldrouteUser?> FindOtherAsync(UserManager<MeldrouteUser> users, ClaimsPrincipal admin, string userId) =>
        userId == users.GetUserId(admin) ? null : await users.FindByIdAsync(userId);

    public static Outcome<string> SelfOrMissing(UserManager<MeldrouteUser> users, ClaimsPrincipal admin, string userId, IStringLocalizer t) =>
        userId == users.GetUserId(admin) ? Outcome<string>.Conflict(t["Users_NotYourself"]) : Outcome<string>.NotFound();
}

/// <summary>SetUserRole, DisableUser and EnableUser's answer: the user changed.</summary>
public sealed record UserChanged(string Id);
