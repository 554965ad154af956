using Microsoft.AspNetCore.Authorization;

namespace Meldroute.Web.Infrastructure.Security;

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
