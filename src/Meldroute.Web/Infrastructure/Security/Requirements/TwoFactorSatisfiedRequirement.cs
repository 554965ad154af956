using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>
/// Met when the account has two-factor authentication enabled (so the session can only exist after the second
/// factor) or when the app runs in demo mode.
/// </summary>
public sealed class TwoFactorSatisfiedRequirement : IAuthorizationRequirement
{
    /// <summary>Claim added by <see cref="MeldrouteClaimsPrincipalFactory"/> for accounts with 2FA enabled.</summary>
    public const string EnrolledClaim = "meldroute:2fa";
}

internal sealed class TwoFactorSatisfiedHandler(IOptions<MeldrouteOptions> options) : AuthorizationHandler<TwoFactorSatisfiedRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorSatisfiedRequirement requirement)
    {
        if (options.Value.DemoMode || context.User.HasClaim(TwoFactorSatisfiedRequirement.EnrolledClaim, "true"))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
