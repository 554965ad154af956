using Microsoft.AspNetCore.Authorization;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>A requirement on a record that one role meets for every record of its kind.</summary>
internal abstract class RoleRule<TRequirement, TResource>(string role) : AuthorizationHandler<TRequirement, TResource>
    where TRequirement : IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TRequirement requirement, TResource resource)
    {
        if (context.User.IsInRole(role))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
