using Meldroute.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>Never met: the fallback for anything that does not name its policy.</summary>
public sealed class DenyAllRequirement : IAuthorizationRequirement;

/// <summary>
/// Met when the account has two-factor authentication enabled (so the session can only exist after the second
/// factor) or when the app runs in demo mode.
/// </summary>
public sealed class TwoFactorSatisfiedRequirement : IAuthorizationRequirement
{
    /// <summary>Claim added by <see cref="MeldrouteClaimsPrincipalFactory"/> for accounts with 2FA enabled.</summary>
    public const string EnrolledClaim = "meldroute:2fa";
}

/// <summary>
/// Met unless the account still has the one-time password an administrator set: then only sign-out, enrolment and
/// changing the password are open (the Enrolment policy), and pages send the user to change it.
/// </summary>
public sealed class PasswordChangedRequirement : IAuthorizationRequirement
{
    /// <summary>Claim added by <see cref="MeldrouteClaimsPrincipalFactory"/> while the password must be changed.</summary>
    public const string MustChangeClaim = "meldroute:must-change-password";
}

internal sealed class PasswordChangedHandler : AuthorizationHandler<PasswordChangedRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PasswordChangedRequirement requirement)
    {
        if (!context.User.HasClaim(PasswordChangedRequirement.MustChangeClaim, "true"))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
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
