using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Framework;

/// <summary>The VNG framework checklist's JSON API, for the policy advisor.</summary>
internal static class FrameworkApi
{
    public static void MapFrameworkApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/framework").WithTags("Framework").RequireAuthorization(Policies.PolicyAdvisor);

        api.MapGet("", async (int? level, MeldrouteDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await FrameworkChecklist.GetAsync(db, t, level, ct)).ToHttp(Results.Ok, t))
            .WithName("GetFrameworkChecklist");

        api.MapPut("/{id:int}", async (int id, BuildingBlockRequest request, ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await FrameworkChecklist.UpdateAsync(db, audit, clock, t, user, id, request, ct)).ToHttp(Results.Ok, t))
            .WithName("UpdateBuildingBlock");
    }
}
