using Microsoft.EntityFrameworkCore;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Agenda;

/// <summary>The implementation agenda: filter by goal, year, level, status and late ones; paged on the server; XLSX for the council.</summary>
[Authorize(Policy = Policies.PolicyAdvisor)]
public sealed class IndexModel(MeldrouteDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "goal")]
    public string? Goal { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "level")]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "late")]
    public bool Late { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public string? PageNumber { get; set; }

    public AgendaPage Result { get; private set; } = new([], 0, 1, AgendaActivityRules.PageSize);

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);

    /// <summary>The years the year filter offers: from the earliest planned start to the latest planned end, and this year.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var periods = await db.AgendaActivities.AsNoTracking().Select(a => new { a.PlannedStart, a.PlannedEnd }).ToListAsync(cancellationToken);
        var known = periods.SelectMany(p => new[] { p.PlannedStart?.Year, p.PlannedEnd?.Year }).OfType<int>().Append(clock.GetLocalNow().Year).ToList();
        Years = [.. Enumerable.Range(known.Min(), known.Max() - known.Min() + 1)];
        var outcome = await ListAsync(all: false, cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            Result = outcome.Value!;
        }

        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        var outcome = await ListAsync(all: true, cancellationToken);
        return outcome.Kind == OutcomeKind.Ok
            ? File(ExportAgenda.ToXlsx(outcome.Value!.Activities, t), ExportAgenda.ContentType, ExportAgenda.FileName(clock))
            : Page();
    }

    public Dictionary<string, string> RouteFor(int page)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal) { ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!string.IsNullOrEmpty(Goal)) route["goal"] = Goal;
        if (!string.IsNullOrEmpty(Year)) route["year"] = Year;
        if (!string.IsNullOrEmpty(Level)) route["level"] = Level;
        if (!string.IsNullOrEmpty(Status)) route["status"] = Status;
        if (Late) route["late"] = "true";
        return route;
    }

    private async Task<Outcome<AgendaPage>> ListAsync(bool all, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var query = new AgendaQuery { Goal = Blank(Goal), Status = Blank(Status), Late = Late };
        query.Year = Number(Year, nameof(Year), "Agenda_YearRange");
        query.Level = Number(Level, nameof(Level), "Agenda_LevelRange");
        query.Page = Number(PageNumber, "Page", "Agenda_PageRange");
        if (!ModelState.IsValid)
        {
            return Outcome<AgendaPage>.Invalid(new Dictionary<string, string[]>());
        }

        var outcome = await ListAgendaActivities.HandleAsync(db, clock, t, query, cancellationToken, all);
        outcome.Errors?.AddTo(ModelState, "");
        return outcome;
    }

    private int? Number(string? value, string field, string messageKey)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        ModelState.AddModelError(field, t[messageKey]);
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
