using System.Security.Claims;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Figures;

/// <summary>The figures as query parameters (whole years and one value per dimension).</summary>
public sealed class FigureQuery
{
    [FromQuery] public int? Year { get; set; }

    [FromQuery] public FormCategory? Form { get; set; }

    [FromQuery] public SignalSource? Source { get; set; }

    [FromQuery] public int? DepartmentId { get; set; }

    /// <summary>Exact counts, for officers only (operational use); ignored for anyone else.</summary>
    [FromQuery] public bool? Exact { get; set; }

    public FigureFilter ToFilter() => new() { Year = Year, Form = Form, Source = Source, DepartmentId = DepartmentId };
}

/// <summary>GetFigures and ExportFigures as JSON and CSV, for policy advisors (suppressed) and officers.</summary>
internal static class FiguresApi
{
    public static void MapFiguresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/figures").WithTags("Figures").RequireAuthorization(Policies.FiguresReader);

        api.MapGet("", async ([AsParameters] FigureQuery query, ClaimsPrincipal user, MeldrouteDbContext db, IOptions<FiguresOptions> options, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                Results.Ok(await GetFigures.HandleAsync(db, query.ToFilter(), MayBeExact(user, query), options.Value, clock.GetUtcNow(), t, ct)))
            .WithName("GetFigures");

        api.MapGet("/export", async ([AsParameters] FigureQuery query, string? format, ClaimsPrincipal user, MeldrouteDbContext db, IOptions<FiguresOptions> options, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            {
                if (format is not (null or "csv" or "xlsx"))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [t["Figures_FormatUnknown"]] }, title: t["Api_Invalid"]);
                }

                var figures = await GetFigures.HandleAsync(db, query.ToFilter(), MayBeExact(user, query), options.Value, clock.GetUtcNow(), t, ct);
                return format == "xlsx"
                    ? Results.File(ExportFigures.ToXlsx(figures), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "cijfers.xlsx")
                    : Results.File(ExportFigures.ToCsv(figures), "text/csv; charset=utf-8", "cijfers.csv");
            })
            .WithName("ExportFigures");

        api.MapGet("/year-report/{year:int}", async (int year, MeldrouteDbContext db, IOptions<FiguresOptions> options, IOptions<Infrastructure.MeldrouteOptions> meldroute, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                year is < 2000 or > 2100
                    ? Results.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [t["Report_YearRange"]] }, title: t["Api_Invalid"])
                    : Results.File(await YearReport.CreateAsync(db, year, options.Value, clock, meldroute.Value.MunicipalityName, t, ct),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"jaarverslag-mensenhandel-{year}.docx"))
            .WithName("GetYearReport");

        // The CSV is the request body (text/csv), in the layout of the plan's figures.csv; it replaces all context figures.
        app.MapPost("/api/figures/context", async (HttpRequest request, MeldrouteDbContext db, Audit.AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            {
                using var body = new StreamReader(request.Body);
                var csv = await body.ReadToEndAsync(ct);
                return (await ContextFigures.ImportAsync(db, audit, t, csv, ct)).ToHttp(rows => Results.Ok(new { rows }), t);
            })
            .RequireAuthorization(Policies.PolicyAdvisor)
            .WithDescription("The request body is the CSV (text/csv) in the layout of the plan's figures.csv: source, area, year, form, measure, value, note.")
            .WithTags("Figures")
            .WithName("ImportContextFigures");

        app.MapGet("/api/figures/context", async (MeldrouteDbContext db, CancellationToken ct) => Results.Ok(await ContextFigures.ListAsync(db, ct)))
            .RequireAuthorization(Policies.FiguresReader)
            .WithTags("Figures")
            .WithName("ListContextFigures");
    }

    public static bool MayBeExact(ClaimsPrincipal user, FigureQuery query) => query.Exact == true && user.IsInRole(Roles.SpecialistOfficer);
}
