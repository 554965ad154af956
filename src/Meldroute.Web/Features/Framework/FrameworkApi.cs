using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Framework;

/// <summary>What the checklist's endpoints need, bound per request.</summary>
public sealed record FrameworkServices(MeldrouteDbContext Db, AuditTrail Audit, TimeProvider Clock, IStringLocalizer<SharedResource> T, ClaimsPrincipal User);

/// <summary>The VNG framework checklist's JSON API, for the policy advisor.</summary>
public static class FrameworkApi
{
    public static IEndpointRouteBuilder MapFrameworkApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/framework").WithTags("Framework").RequireAuthorization(Policies.PolicyAdvisor);

        api.MapGet("", GetFrameworkChecklistAsync).WithName("GetFrameworkChecklist");
        api.MapPut("/{id:int}", UpdateBuildingBlockAsync).WithName("UpdateBuildingBlock");
        return app;
    }

    public static async Task<Results<Ok<FrameworkChecklistView>, ValidationProblem, ProblemHttpResult>> GetFrameworkChecklistAsync(
        int? level, [AsParameters] FrameworkServices services, CancellationToken ct) =>
        (await GetFrameworkChecklist.HandleAsync(services.Db, services.T, level, ct)).ToResult(services.T);

    public static async Task<Results<Ok<BuildingBlockView>, ValidationProblem, ProblemHttpResult>> UpdateBuildingBlockAsync(
        int id, BuildingBlockRequest request, [AsParameters] FrameworkServices services, CancellationToken ct) =>
        (await UpdateBuildingBlock.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.User, id, request, ct)).ToResult(services.T);
}
