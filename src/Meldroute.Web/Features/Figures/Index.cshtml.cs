using Meldroute.Web.Features.Departments;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Figures;

/// <summary>The figures page: filters, every table with its explanation, bar charts beside the numbers, CSV export.</summary>
[Authorize(Policy = Policies.FiguresReader)]
public sealed class IndexModel(MeldrouteDbContext db, IOptions<FiguresOptions> options, TimeProvider clock, IStringLocalizer<SharedResource> t, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public FigureQuery Query { get; set; } = new();

    public FiguresResult Figures { get; private set; } = null!;

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public bool IsOfficer => User.IsInRole(Roles.SpecialistOfficer);

    public bool IsPolicyAdvisor => User.IsInRole(Roles.PolicyAdvisor);

    public IReadOnlyList<ContextFigureView> Context { get; private set; } = [];

    public string? ContextError { get; private set; }

    public int? Imported { get; private set; }

    /// <summary>The policy advisor replaces the context figures with a CSV file (figures.csv layout); officers only read.</summary>
    public async Task<IActionResult> OnPostContextAsync(IFormFile? file, [FromServices] Audit.AuditTrail audit, CancellationToken cancellationToken)
    {
        // Razor Pages apply [Authorize] per page, not per handler: the narrower rule of this handler is checked here.
        if (!(await authorization.AuthorizeAsync(User, Policies.PolicyAdvisor)).Succeeded)
        {
            return Forbid();
        }

        string? csv = null;
        if (file is { Length: > 0 and <= 1_000_000 })
        {
            using var reader = new StreamReader(file.OpenReadStream());
            csv = await reader.ReadToEndAsync(cancellationToken);
        }

        var outcome = await ImportContextFigures.HandleAsync(db, audit, t, csv, cancellationToken);
        if (outcome.Kind == Shared.OutcomeKind.Ok)
        {
            Imported = outcome.Value;
        }
        else
        {
            ContextError = outcome.Errors?.Values.SelectMany(v => v).FirstOrDefault() ?? outcome.Message;
        }

        Query = new FigureQuery();
        ModelState.Clear();
        return await OnGetAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // An unknown value in the address (a hand-edited filter) shows all figures instead of an error.
            Query = new FigureQuery();
        }

        Departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
        Figures = await GetFigures.HandleAsync(db, Query.ToFilter(), FiguresApi.MayBeExact(User, Query), options.Value, clock.GetUtcNow(), t, cancellationToken);
        Context = await ListContextFigures.HandleAsync(db, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetReportAsync([FromServices] IOptions<Infrastructure.MeldrouteOptions> meldroute, CancellationToken cancellationToken)
    {
        var year = Query.Year ?? clock.GetUtcNow().Year;
        return File(await YearReport.CreateAsync(db, year, options.Value, clock, await Municipalities.CurrentMunicipality.NameAsync(db, cancellationToken), t, cancellationToken),
            YearReport.ContentType, YearReport.FileName(year));
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        var figures = await GetFigures.HandleAsync(db, Query.ToFilter(), FiguresApi.MayBeExact(User, Query), options.Value, clock.GetUtcNow(), t, cancellationToken);
        return File(ExportFigures.ToXlsx(figures, t), ExportFigures.XlsxType, "cijfers.xlsx");
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var figures = await GetFigures.HandleAsync(db, Query.ToFilter(), FiguresApi.MayBeExact(User, Query), options.Value, clock.GetUtcNow(), t, cancellationToken);
        return File(ExportFigures.ToCsv(figures, t), ExportFigures.CsvType, "cijfers.csv");
    }
}
