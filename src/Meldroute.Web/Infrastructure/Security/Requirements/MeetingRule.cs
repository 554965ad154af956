using System.Security.Claims;
using Meldroute.Web.Features.CaseTable;
using Microsoft.AspNetCore.Authorization;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>A requirement on a case-table meeting that the meeting itself answers (its chair, invitees and attendance), without a query.</summary>
internal abstract class MeetingRule<TRequirement> : AuthorizationHandler<TRequirement, CaseTableMeeting>
    where TRequirement : IAuthorizationRequirement
{
    /// <param name="userId">The user's id, null when the principal has none.</param>
    protected abstract bool Allows(ClaimsPrincipal user, string? userId, CaseTableMeeting meeting);

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TRequirement requirement, CaseTableMeeting meeting)
    {
        if (Allows(context.User, context.User.FindFirstValue(ClaimTypes.NameIdentifier), meeting))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
