using System.Globalization;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Figures;

/// <summary>
/// Goal 3 of the plan on the figures page: training sessions per year and the share of public-contact employees
/// trained per department. Participants are people, so their counts are protected like signal counts: one cube of
/// department × year, suppressed with <see cref="Suppression"/>; a share is only shown where its participants are.
/// Sessions are events, not people, and are shown as they are. Filtered by year only (form and source do not apply).
/// </summary>
public static class TrainingFigures
{
    public static async Task<IReadOnlyList<FigureTable>> TablesAsync(
        MeldrouteDbContext db, IReadOnlyList<int> figureYears, int? year, int threshold, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var sessions = await db.TrainingSessions.AsNoTracking()
            .Select(s => new { s.Date, Participants = s.Attendance.Select(a => new { a.DepartmentId, a.Participants }).ToList() })
            .ToListAsync(cancellationToken);
        var attending = sessions.SelectMany(s => s.Participants.Select(p => p.DepartmentId)).ToHashSet();
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
        departments = [.. departments.Where(d => d.HasPublicContact || attending.Contains(d.Id))];
        List<int> years = [.. figureYears.Union(sessions.Select(s => s.Date.Year)).Order()];

        var counts = new long[departments.Count * years.Count];
        var departmentIndex = departments.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        foreach (var session in sessions)
        {
            foreach (var attendance in session.Participants)
            {
                counts[(departmentIndex[attendance.DepartmentId] * years.Count) + years.IndexOf(session.Date.Year)] += attendance.Participants;
            }
        }

        var cube = departments.Count == 0 ? null : Suppression.Apply(
            new FigureCube(["department", "year"], [[.. departments.Select(d => d.Name)], [.. years.Select(y => y.ToString(CultureInfo.InvariantCulture))]], counts),
            threshold);
        FigureCell Trained(int department, int yearIndex) =>
            cube is null ? new FigureCell(0, false) : FigureCell.Of(cube, department, yearIndex);

        var shownYears = year is { } y && years.Contains(y) ? [y] : years;
        var perYear = new FigureTable(
            "training-per-year", t["Figures_Table_training-per-year"], t["Figures_Explain_training-per-year"], t["Figures_Dim_year"],
            [t["Training_Sessions"], t["Training_Participants"]],
            [.. shownYears.Select(y => new FigureRow(
                y.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture),
                [new FigureCell(sessions.Count(s => s.Date.Year == y), false), Trained(SuppressedCube.Total, years.IndexOf(y))]))]);

        // The share per department for the chosen year, or the latest year with figures.
        var shareYear = year ?? years[^1];
        var column = years.IndexOf(shareYear);
        FigureRow ShareRow(string key, string label, int department, long? staff, bool isTotal)
        {
            var trained = column < 0 ? new FigureCell(0, false) : Trained(department, column);
            var share = trained.Value is { } n && staff is > 0 ? new FigureCell((long)Math.Round(100.0 * n / staff.Value, MidpointRounding.AwayFromZero), false) : new FigureCell(null, false);
            return new FigureRow(key, label, [new FigureCell(staff, false), trained, share], isTotal);
        }

        // A share of all departments only when every department's number is known; otherwise it would mix bases.
        var staffTotal = departments.Count > 0 && departments.All(d => d.PublicContactEmployees is not null) ? departments.Sum(d => (long)d.PublicContactEmployees!.Value) : (long?)null;
        var perDepartment = new FigureTable(
            "training-per-department", t["Figures_Table_training-per-department", shareYear], t["Figures_Explain_training-per-department"], t["Figures_Dim_department"],
            [t["Training_Staff"], t["Training_Participants"], t["Figures_SharePercent"]],
            [.. departments.Select((d, i) => ShareRow(d.Id.ToString(CultureInfo.InvariantCulture), d.Name, i, d.PublicContactEmployees, false)),
                ShareRow("total", t["Figures_Total"], SuppressedCube.Total, staffTotal, true)]);
        return [perYear, perDepartment];
    }
}
