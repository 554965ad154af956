using System.Security.Claims;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Admin.Users;

/// <summary>DisableUser: blocks a user: they cannot sign in, and their sessions end.</summary>
public static class DisableUser
{
    public static Task<Outcome<string>> HandleAsync(UserManager<MeldrouteUser> users, AuditTrail audit, IStringLocalizer t, ClaimsPrincipal admin, string userId, CancellationToken cancellationToken) =>
        UserChanges.SetBlockedAsync(users, audit, t, admin, userId, blocked: true, cancellationToken);
}
