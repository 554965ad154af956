using System.Security.Claims;
using Meldroute.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>
/// Adds the account's municipality and the "2FA enrolled" claim. For an account with 2FA enabled Identity never completes a password-only
/// sign-in, so the claim is present exactly when the second factor was passed — also after a token refresh or
/// a security-stamp revalidation, which rebuild the principal and would lose an "amr" claim.
/// An account that signs in only through the municipality's identity provider (an OpenID Connect login and no
/// password) gets it too while that sign-in is enabled: the identity provider did the second factor, which
/// <see cref="ExternalSignIn"/> checks at every sign-in (Meldroute:Oidc:RequireMfa).
/// </summary>
public sealed class MeldrouteClaimsPrincipalFactory(
    UserManager<MeldrouteUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    IOptions<OidcOptions> oidc)
    : UserClaimsPrincipalFactory<MeldrouteUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(MeldrouteUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // Every query of the session is for this municipality (MunicipalityScope).
        identity.AddClaim(new Claim(Features.Municipalities.MunicipalityScope.Claim, user.MunicipalityId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.TwoFactorEnabled || await SignsInOnlyThroughIdentityProviderAsync(user))
        {
            identity.AddClaim(new Claim(TwoFactorSatisfiedRequirement.EnrolledClaim, "true"));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PasswordChangedRequirement.MustChangeClaim, "true"));
        }

        return identity;
    }

    private async Task<bool> SignsInOnlyThroughIdentityProviderAsync(MeldrouteUser user) =>
        oidc.Value.Enabled
        && user.PasswordHash is null
        && (await UserManager.GetLoginsAsync(user)).Any(l => l.LoginProvider == OidcOptions.Scheme);
}
