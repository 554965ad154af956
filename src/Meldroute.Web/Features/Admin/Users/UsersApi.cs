using System.Security.Claims;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Admin.Users;

/// <summary>What the administrator's user endpoints need, bound per request.</summary>
public sealed record UsersServices(UserManager<MeldrouteUser> Users, AuditTrail Audit, IStringLocalizer<SharedResource> T, ClaimsPrincipal User);

/// <summary>The administrator's user operations as JSON.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Administrator);

        api.MapPost("/{id}/role", SetUserRoleAsync).WithName("SetUserRole");
        api.MapPost("/{id}/block", DisableUserAsync).WithName("DisableUser");
        api.MapPost("/{id}/unblock", EnableUserAsync).WithName("EnableUser");
        api.MapPost("/{id}/password-reset", ResetUserPasswordAsync).WithName("ResetUserPassword");
        return app;
    }

    public static async Task<Results<Ok<UserChanged>, ValidationProblem, ProblemHttpResult>> SetUserRoleAsync(
        string id, RoleRequest request, [AsParameters] UsersServices services, CancellationToken ct) =>
        (await SetUserRole.HandleAsync(services.Users, services.Audit, services.T, services.User, id, request.Role, ct)).ToResult(Changed, services.T);

    public static async Task<Results<Ok<UserChanged>, ValidationProblem, ProblemHttpResult>> DisableUserAsync(
        string id, [AsParameters] UsersServices services, CancellationToken ct) =>
        (await DisableUser.HandleAsync(services.Users, services.Audit, services.T, services.User, id, ct)).ToResult(Changed, services.T);

    public static async Task<Results<Ok<UserChanged>, ValidationProblem, ProblemHttpResult>> EnableUserAsync(
        string id, [AsParameters] UsersServices services, CancellationToken ct) =>
        (await EnableUser.HandleAsync(services.Users, services.Audit, services.T, services.User, id, ct)).ToResult(Changed, services.T);

    public static async Task<Results<Ok<ResetUserPasswordResponse>, ValidationProblem, ProblemHttpResult>> ResetUserPasswordAsync(
        string id, [AsParameters] UsersServices services, CancellationToken ct) =>
        (await ResetUserPassword.HandleAsync(services.Users, services.Audit, services.T, services.User, id, ct)).ToResult(
            password => TypedResults.Ok(new ResetUserPasswordResponse(id, password)), services.T);

    private static Ok<UserChanged> Changed(string id) => TypedResults.Ok(new UserChanged(id));
}
