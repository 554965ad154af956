using System.Security.Claims;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Admin.Users;

/// <summary>EnableUser: lifts the block of a user.</summary>
public static class EnableUser
{
    public static Task<Outcome<string>> HandleAsync(UserManager<MeldrouteUser> users, AuditTrail audit, IStringLocalizer t, ClaimsPrincipal admin, string userId, CancellationToken cancellationToken) =>
        UserChanges.SetBlockedAsync(users, audit, t, admin, userId, blocked: false, cancellationToken);
}
