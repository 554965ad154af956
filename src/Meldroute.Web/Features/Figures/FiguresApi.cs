using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Figures;

/// <summary>The figures as query parameters (whole years and one value per dimension).</summary>
public sealed class FigureQuery
{
    [FromQuery, Range(QueryRanges.YearMin, QueryRanges.YearMax)] public int? Year { get; set; }

    [FromQuery] public FormCategory? Form { get; set; }

    [FromQuery] public SignalSource? Source { get; set; }

    [FromQuery, Range(1, QueryRanges.IdMax)] public int? DepartmentId { get; set; }

    /// <summary>Exact counts, for officers only (operational use); ignored for anyone else.</summary>
    [FromQuery] public bool? Exact { get; set; }

    public FigureFilter ToFilter() => new() { Year = Year, Form = Form, Source = Source, DepartmentId = DepartmentId };
}

/// <summary>What the figures endpoints need, bound per request.</summary>
public sealed record FiguresServices(
    MeldrouteDbContext Db, AuditTrail Audit, TimeProvider Clock, IStringLocalizer<SharedResource> T, ClaimsPrincipal User,
    IOptions<FiguresOptions> Options, IOptions<MeldrouteOptions> Meldroute);

/// <summary>GetFigures and ExportFigures as JSON and CSV, for policy advisors (suppressed) and officers; the year report; the context figures.</summary>
public static class FiguresApi
{
    public static IEndpointRouteBuilder MapFiguresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/figures").WithTags("Figures").RequireAuthorization(Policies.FiguresReader);
        api.MapGet("", GetFiguresAsync).WithName("GetFigures");
        api.MapGet("/export", ExportFiguresAsync).Produces(StatusCodes.Status200OK, contentType: ExportFigures.CsvType, additionalContentTypes: ExportFigures.XlsxType).WithName("ExportFigures");
        api.MapGet("/year-report/{year:int}", GetYearReportAsync).Produces(StatusCodes.Status200OK, contentType: YearReport.ContentType).WithName("GetYearReport");

        // Not inside the figures group: importing is for the policy advisor only, reading for every figures reader.
        var context = app.MapGroup("/api/figures/context").WithTags("Figures");
        // The CSV is the request body (text/csv), in the layout of the plan's figures.csv; it replaces all context figures.
        context.MapPost("", ImportContextFiguresAsync)
            .RequireAuthorization(Policies.PolicyAdvisor)
            .WithDescription("The request body is the CSV (text/csv) in the layout of the plan's figures.csv: source, area, year, form, measure, value, note.")
            .WithName("ImportContextFigures");
        context.MapGet("", ListContextFiguresAsync).RequireAuthorization(Policies.FiguresReader).WithName("ListContextFigures");

        // Counts from before Meldroute: every figures reader sees them, the policy advisor enters them.
        var baseline = app.MapGroup("/api/figures/baseline").WithTags("Figures");
        baseline.MapGet("", ListBaselineCountsAsync).RequireAuthorization(Policies.FiguresReader).WithName("ListBaselineCounts");
        baseline.MapPut("", SetBaselineCountAsync).RequireAuthorization(Policies.PolicyAdvisor)
            .WithDescription("Enters or corrects the count of one year, form and source. Version: the entry's version as last read, or empty for a new entry.")
            .WithName("SetBaselineCount");
        baseline.MapDelete("/{id:int}", DeleteBaselineCountAsync).RequireAuthorization(Policies.PolicyAdvisor).WithName("DeleteBaselineCount");
        return app;
    }

    public static bool MayBeExact(ClaimsPrincipal user, FigureQuery query) => query.Exact == true && user.IsInRole(Roles.SpecialistOfficer);

    public static async Task<Ok<FiguresResult>> GetFiguresAsync([AsParameters] FigureQuery query, [AsParameters] FiguresServices services, CancellationToken ct) =>
        TypedResults.Ok(await FiguresFor(query, services, ct));

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportFiguresAsync(
        [AsParameters] FigureQuery query, string? format, [AsParameters] FiguresServices services, CancellationToken ct)
    {
        if (format is not (null or "csv" or "xlsx"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [services.T["Figures_FormatUnknown"]] }, title: services.T["Api_Invalid"]);
        }

        var figures = await FiguresFor(query, services, ct);
        return format == "xlsx"
            ? TypedResults.File(ExportFigures.ToXlsx(figures, services.T), ExportFigures.XlsxType, "cijfers.xlsx")
            : TypedResults.File(ExportFigures.ToCsv(figures, services.T), ExportFigures.CsvType, "cijfers.csv");
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> GetYearReportAsync(int year, [AsParameters] FiguresServices services, CancellationToken ct) =>
        year is < 2000 or > 2100
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [services.T["Report_YearRange"]] }, title: services.T["Api_Invalid"])
            : TypedResults.File(
                await YearReport.CreateAsync(services.Db, year, services.Options.Value, services.Clock, await Municipalities.CurrentMunicipality.NameAsync(services.Db, ct), services.T, ct),
                YearReport.ContentType, YearReport.FileName(year));

    public static async Task<Results<Ok<ContextImported>, ValidationProblem, ProblemHttpResult>> ImportContextFiguresAsync(
        HttpRequest request, [AsParameters] FiguresServices services, CancellationToken ct)
    {
        using var body = new StreamReader(request.Body);
        var csv = await body.ReadToEndAsync(ct);
        return (await ImportContextFigures.HandleAsync(services.Db, services.Audit, services.T, csv, ct)).ToResult(rows => TypedResults.Ok(new ContextImported(rows)), services.T);
    }

    public static async Task<Ok<IReadOnlyList<ContextFigureView>>> ListContextFiguresAsync([AsParameters] FiguresServices services, CancellationToken ct) =>
        TypedResults.Ok(await ListContextFigures.HandleAsync(services.Db, ct));

    public static async Task<Ok<IReadOnlyList<BaselineCountView>>> ListBaselineCountsAsync([AsParameters] FiguresServices services, CancellationToken ct) =>
        TypedResults.Ok(await ListBaselineCounts.HandleAsync(services.Db, ct));

    public static async Task<Results<Ok<BaselineCountView>, ValidationProblem, ProblemHttpResult>> SetBaselineCountAsync(
        BaselineCountRequest request, [AsParameters] FiguresServices services, CancellationToken ct) =>
        (await SetBaselineCount.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.User, request, ct)).ToResult(services.T);

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteBaselineCountAsync(
        int id, Guid? version, [AsParameters] FiguresServices services, CancellationToken ct) =>
        (await DeleteBaselineCount.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.User, id, version, ct)).ToResult(_ => TypedResults.NoContent(), services.T);

    private static Task<FiguresResult> FiguresFor(FigureQuery query, FiguresServices services, CancellationToken ct) =>
        GetFigures.HandleAsync(services.Db, query.ToFilter(), MayBeExact(services.User, query), services.Options.Value, services.Clock.GetUtcNow(), services.T, ct);
}
