using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.CaseData;

/// <summary>ExportCaseData: the anonymised case export (HTCDS) for those who analyse the figures (<see cref="Policies.CaseDataExporter"/>).</summary>
public static class CaseDataApi
{
    public const string CsvType = "text/csv; charset=utf-8";

    public static IEndpointRouteBuilder MapCaseDataApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/case-data").WithTags("CaseData")
            .MapGet("/export", ExportCaseDataAsync)
            // The JSON answer's schema comes from the typed result; the CSV answer is added beside it (a Produces for
            // 200 would replace the JSON one).
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.Responses?.GetValueOrDefault("200") is Microsoft.OpenApi.OpenApiResponse ok)
                {
                    ok.Content ??= new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>(StringComparer.Ordinal);
                    ok.Content.TryAdd("text/csv", new Microsoft.OpenApi.OpenApiMediaType());
                }

                return Task.CompletedTask;
            })
            .RequireAuthorization(Policies.CaseDataExporter)
            .WithDescription("Anonymised case data, one row per signal and per possible victim in a dossier (of the account's municipality; for a regional analyst of every municipality of its region in one table), with HTCDS field and value names, k-anonymous with k the figures' suppression threshold. format=csv (the default) or json; fromYear and toYear pick whole years. The rows left out are counted (CSV: the '#' lines; JSON: rowsLeftOut).")
            .WithName("ExportCaseData");
        return app;
    }

    public static async Task<Results<FileContentHttpResult, Ok<CaseDataExport>, ValidationProblem>> ExportCaseDataAsync(
        [AsParameters] CaseDataQuery query, ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, IOptions<FiguresOptions> options, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (query.ParsedFormat is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [t["CaseData_FormatUnknown"]] }, title: t["Api_Invalid"]);
        }

        if (query is { FromYear: { } from, ToYear: { } to } && from > to)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["toYear"] = [t["CaseData_YearsReversed"]] }, title: t["Api_Invalid"]);
        }

        var export = await ExportCaseData.HandleAsync(db, audit, options.Value, query, user, ct);
        return query.ParsedFormat == CaseDataFormat.Json ? TypedResults.Ok(export) : TypedResults.File(ExportCaseData.ToCsv(export), CsvType, "casusdata-htcds.csv");
    }
}
