using System.Security.Claims;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Meldroute.Web.Features.Home;

/// <summary>The start page's dashboard as JSON: the blocks of the caller's roles.</summary>
public static class HomeApi
{
    public static IEndpointRouteBuilder MapHomeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dashboard", GetDashboardAsync).WithTags("Home").RequireAuthorization(Policies.SignedIn).WithName("GetDashboard");
        return app;
    }

    public static async Task<Ok<Dashboard>> GetDashboardAsync([AsParameters] DashboardServices services, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await GetDashboard.HandleAsync(services, user, ct));
}
