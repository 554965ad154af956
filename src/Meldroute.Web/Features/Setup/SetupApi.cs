using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Setup;

/// <summary>What the set-up endpoints need, bound per request.</summary>
public sealed record SetupServices(MeldrouteDbContext Db, AuditTrail Audit, TimeProvider Clock, IStringLocalizer<SharedResource> T, IMemoryCache Cache, ClaimsPrincipal User);

/// <summary>Reference data in and out as one ZIP of CSV files (docs/operations.md, "Reference data").</summary>
public static class SetupApi
{
    public static IEndpointRouteBuilder MapSetupApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reference-data").WithTags("Setup");
        api.MapGet("", ExportReferenceDataAsync).RequireAuthorization(Policies.ReferenceDataReader)
            .Produces(StatusCodes.Status200OK, contentType: ExportReferenceData.ContentType).WithName("ExportReferenceData");
        api.MapPost("", ImportReferenceDataAsync).RequireAuthorization(Policies.PartnerEditor)
            .WithDescription("The request body is the ZIP (application/zip) of CSV files that ExportReferenceData gives: partners.csv, partner-routes.csv, partner-contacts.csv, work-processes.csv, departments.csv, indicators.csv; any may be left out.")
            .WithName("ImportReferenceData");
        return app;
    }

    public static async Task<FileContentHttpResult> ExportReferenceDataAsync([AsParameters] SetupServices services, CancellationToken ct) =>
        TypedResults.File(await ExportReferenceData.HandleAsync(services.Db, services.Audit, null, ct), ExportReferenceData.ContentType, ExportReferenceData.FileName);

    public static async Task<Results<Ok<ReferenceDataImported>, ValidationProblem, ProblemHttpResult>> ImportReferenceDataAsync(
        HttpRequest request, [AsParameters] SetupServices services, CancellationToken ct)
    {
        // Read whole (the cap is the import's own) so that the ZIP reader can seek.
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        body.Position = 0;
        var files = body.Length is > 0 and <= ReferenceDataSet.MaxFileBytes ? ReferenceDataSet.FilesOfZip(body) : null;
        return (await ImportReferenceData.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.Cache, services.User, files, ct)).ToResult(services.T);
    }
}
