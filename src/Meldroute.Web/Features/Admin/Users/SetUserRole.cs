using System.Security.Claims;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Admin.Users;

/// <summary>SetUserRole's body.</summary>
public sealed record RoleRequest(string? Role);

/// <summary>SetUserRole: gives a user one role instead of the ones they had.</summary>
public static class SetUserRole
{
    public static async Task<Outcome<string>> HandleAsync(UserManager<MeldrouteUser> users, AuditTrail audit, IStringLocalizer t, ClaimsPrincipal admin, string userId, string? role, CancellationToken cancellationToken)
    {
        if (role is null || !Roles.All.Contains(role))
        {
            return Outcome<string>.Invalid("Role", t["Validation_UnknownRole"]);
        }

        if (await UserChanges.FindOtherAsync(users, admin, userId) is not { } found)
        {
            return UserChanges.SelfOrMissing(users, admin, userId, t);
        }

        var current = await users.GetRolesAsync(found);
        await users.RemoveFromRolesAsync(found, current);
        await users.AddToRoleAsync(found, role);
        await users.UpdateSecurityStampAsync(found);
        await audit.RecordAsync(new AuditEntry("user.role.changed", AuditOutcome.Success, "user", found.Id, $"{string.Join('+', current)}->{role}"), cancellationToken);
        return Outcome<string>.Ok(found.Id);
    }
}
