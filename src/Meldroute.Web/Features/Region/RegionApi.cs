using System.ComponentModel.DataAnnotations;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Region;

/// <summary>The regional figures' filter: one whole year, or all years.</summary>
public sealed class RegionalFigureQuery
{
    [FromQuery, Range(QueryRanges.YearMin, QueryRanges.YearMax)] public int? Year { get; set; }
}

/// <summary>What the regional figures need, bound per request.</summary>
public sealed record RegionServices(MeldrouteDbContext Db, IServiceScopeFactory Scopes, TimeProvider Clock, IStringLocalizer<SharedResource> T, IOptions<FiguresOptions> Options);

/// <summary>GetRegionalFigures as JSON, for the regional analyst only.</summary>
public static class RegionApi
{
    public static IEndpointRouteBuilder MapRegionApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/region/figures", GetRegionalFiguresAsync).WithTags("Region").RequireAuthorization(Policies.RegionalAnalyst).WithName("GetRegionalFigures");
        return app;
    }

    public static async Task<Ok<RegionalFiguresResult>> GetRegionalFiguresAsync([AsParameters] RegionalFigureQuery query, [AsParameters] RegionServices services, CancellationToken ct) =>
        TypedResults.Ok(await GetRegionalFigures.HandleAsync(services.Db, services.Scopes, query.Year, services.Options.Value, services.Clock.GetUtcNow(), services.T, ct));
}
