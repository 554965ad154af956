using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Partners;

/// <summary>What the partner network's endpoints need, bound per request.</summary>
public sealed record PartnerServices(
    MeldrouteDbContext Db, AuditTrail Audit, TimeProvider Clock, IStringLocalizer<SharedResource> T, ClaimsPrincipal User, IOptions<MeldrouteOptions> Options);

/// <summary>The partner network's JSON API: Table 1 and 2, the care map, and keeping partners up to date.</summary>
public static class PartnersApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IEndpointRouteBuilder MapPartnersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partners").WithTags("Partners").RequireAuthorization(Policies.PartnerReader);

        api.MapGet("", ListPartnersAsync).WithName("ListPartners");
        api.MapGet("/{id:int}", GetPartnerAsync).WithName("GetPartner");
        api.MapPost("", CreatePartnerAsync).WithName("CreatePartner").RequireAuthorization(Policies.PartnerEditor);
        api.MapPut("/{id:int}", UpdatePartnerAsync).WithName("UpdatePartner").RequireAuthorization(Policies.PartnerEditor);
        api.MapPost("/{id:int}/archive", ArchivePartnerAsync).WithName("ArchivePartner").RequireAuthorization(Policies.PartnerEditor);
        api.MapPut("/{id:int}/routes", SetPartnerRoutesAsync).WithName("SetPartnerRoutes").RequireAuthorization(Policies.PartnerEditor);
        api.MapGet("/care-map", GetCareMapAsync).WithName("GetCareMap");
        api.MapGet("/care-map/docx", DownloadCareMapAsync).Produces(StatusCodes.Status200OK, contentType: DocxType).WithName("DownloadCareMap");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<PartnerView>>> ListPartnersAsync([AsParameters] PartnerServices services, CancellationToken ct) =>
        TypedResults.Ok(await ListPartners.HandleAsync(services.Db, ct));

    public static async Task<Results<Ok<PartnerView>, ProblemHttpResult>> GetPartnerAsync(int id, [AsParameters] PartnerServices services, CancellationToken ct) =>
        await GetPartner.HandleAsync(services.Db, id, ct) is { } partner ? TypedResults.Ok(partner) : ApiProblems.NotFound(services.T);

    public static async Task<Results<Ok<PartnerView>, ValidationProblem, ProblemHttpResult>> UpdatePartnerAsync(
        int id, PartnerRequest request, [AsParameters] PartnerServices services, CancellationToken ct) =>
        (await UpdatePartner.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.User, id, request, ct)).ToResult(services.T);

    public static async Task<Results<Ok<PartnerView>, ValidationProblem, ProblemHttpResult>> CreatePartnerAsync(
        PartnerRequest request, [AsParameters] PartnerServices services, CancellationToken ct) =>
        (await CreatePartner.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.User, request, ct)).ToResult(services.T);

    public static async Task<Results<Ok<PartnerView>, ValidationProblem, ProblemHttpResult>> ArchivePartnerAsync(
        int id, ArchivePartnerRequest request, [AsParameters] PartnerServices services, CancellationToken ct) =>
        (await ArchivePartner.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.User, id, request, ct)).ToResult(services.T);

    public static async Task<Results<Ok<PartnerView>, ValidationProblem, ProblemHttpResult>> SetPartnerRoutesAsync(
        int id, PartnerRoutesRequest request, [AsParameters] PartnerServices services, CancellationToken ct) =>
        (await SetPartnerRoutes.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.User, id, request, ct)).ToResult(services.T);

    public static async Task<Results<Ok<CareMapView>, ValidationProblem, ProblemHttpResult>> GetCareMapAsync(
        [AsParameters] CareMapQuery query, [AsParameters] PartnerServices services, CancellationToken ct) =>
        (await CareMap.GetAsync(services.Db, services.T, query, ct)).ToResult(services.T);

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> DownloadCareMapAsync(
        [AsParameters] CareMapQuery query, [AsParameters] PartnerServices services, CancellationToken ct)
    {
        var municipalityName = await Municipalities.CurrentMunicipality.NameAsync(services.Db, ct);
        return (await CareMap.GetAsync(services.Db, services.T, query, ct)).ToResult(map => CareMapFile(map, services.T, municipalityName), services.T);
    }

    /// <summary>The care map as a Word document, for the API and the page alike.</summary>
    public static FileContentHttpResult CareMapFile(CareMapView map, IStringLocalizer t, string municipalityName) =>
        TypedResults.File(CareMap.ToDocx(map, t, municipalityName), DocxType, $"zorgkaart-{map.Form.ToString().ToLowerInvariant()}.docx");
}
