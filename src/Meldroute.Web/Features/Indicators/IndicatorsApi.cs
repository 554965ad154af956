using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Indicators;

/// <summary>What the indicators' endpoints need, bound per request.</summary>
public sealed record IndicatorServices(MeldrouteDbContext Db, AuditTrail Audit, TimeProvider Clock, IStringLocalizer<SharedResource> T, IMemoryCache Cache, ClaimsPrincipal User);

/// <summary>The indicator checklist's JSON API: every account of a municipal role reads it (the intake shows it; not the regional analyst); the administrator keeps it.</summary>
public static class IndicatorsApi
{
    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/indicators").WithTags("Indicators").RequireAuthorization(Policies.MunicipalStaff);
        api.MapGet("", ListIndicatorsAsync).WithName("ListIndicators");
        api.MapPut("", UpdateIndicatorsAsync).WithName("UpdateIndicators").RequireAuthorization(Policies.Administrator);
        return app;
    }

    public static async Task<Ok<IndicatorList>> ListIndicatorsAsync([AsParameters] IndicatorServices services, CancellationToken ct) =>
        TypedResults.Ok(await UpdateIndicators.ListAsync(services.Db, ct));

    public static async Task<Results<Ok<IndicatorList>, ValidationProblem, ProblemHttpResult>> UpdateIndicatorsAsync(
        IndicatorsRequest request, [AsParameters] IndicatorServices services, CancellationToken ct) =>
        (await UpdateIndicators.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.Cache, services.User, request, ct)).ToResult(services.T);
}
