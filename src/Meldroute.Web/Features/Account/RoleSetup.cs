using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace Meldroute.Web.Features.Account;

internal static class RoleSetup
{
    /// <summary>The roles are fixed by the domain; they exist in every database, demo or not.</summary>
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
