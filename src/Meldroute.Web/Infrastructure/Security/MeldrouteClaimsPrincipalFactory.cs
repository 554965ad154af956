using System.Security.Claims;
using Meldroute.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>
/// Adds the "2FA enrolled" claim. For an account with 2FA enabled Identity never completes a password-only
/// sign-in, so the claim is present exactly when the second factor was passed — also after a token refresh or
/// a security-stamp revalidation, which rebuild the principal and would lose an "amr" claim.
/// </summary>
public sealed class MeldrouteClaimsPrincipalFactory(
    UserManager<MeldrouteUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<MeldrouteUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(MeldrouteUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorSatisfiedRequirement.EnrolledClaim, "true"));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PasswordChangedRequirement.MustChangeClaim, "true"));
        }

        return identity;
    }
}
