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
public sealed class IndexModel(MeldrouteDbContext db, IOptions<FiguresOptions> options, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public FigureQuery Query { get; set; } = new();

    public FiguresResult Figures { get; private set; } = null!;

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public bool IsOfficer => User.IsInRole(Roles.SpecialistOfficer);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // An unknown value in the address (a hand-edited filter) shows all figures instead of an error.
            Query = new FigureQuery();
        }

        Departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
        Figures = await GetFigures.HandleAsync(db, Query.ToFilter(), FiguresApi.MayBeExact(User, Query), options.Value, clock.GetUtcNow(), t, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        var figures = await GetFigures.HandleAsync(db, Query.ToFilter(), FiguresApi.MayBeExact(User, Query), options.Value, clock.GetUtcNow(), t, cancellationToken);
        return File(ExportFigures.ToXlsx(figures), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "cijfers.xlsx");
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var figures = await GetFigures.HandleAsync(db, Query.ToFilter(), FiguresApi.MayBeExact(User, Query), options.Value, clock.GetUtcNow(), t, cancellationToken);
        return File(ExportFigures.ToCsv(figures), "text/csv; charset=utf-8", "cijfers.csv");
    }
}
