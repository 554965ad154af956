using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Training;

/// <summary>Per department and year: participants, employees with public contact, the share trained (null when the number of employees is unknown).</summary>
public sealed record DepartmentYearFigure(int Year, int DepartmentId, string Department, int Participants, int? PublicContactEmployees, int? SharePercent);

public sealed record YearFigure(int Year, int Sessions, int Participants);

public sealed record TrainingOverview(
    IReadOnlyList<TrainingSessionView> Sessions, int Total, int Page, int PageSize, IReadOnlyList<YearFigure> Years, IReadOnlyList<DepartmentYearFigure> Shares,
    IReadOnlyList<DepartmentStaffView> Departments)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>ListTrainings: the sessions a page at a time, and the figures of plan goal 3 (per year, and the share trained per department).</summary>
public static class ListTrainings
{
    public const int PageSize = 25;

    public static async Task<TrainingOverview> HandleAsync(MeldrouteDbContext db, int page, CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
        var names = departments.ToDictionary(d => d.Id, d => d.Name);
        var total = await db.TrainingSessions.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var sessions = await db.TrainingSessions.AsNoTracking().Include(s => s.Attendance).OrderByDescending(s => s.Date).ThenByDescending(s => s.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);

        // The figures over all sessions: small data (a few sessions a year), computed in memory.
        var all = await db.TrainingSessions.AsNoTracking().Include(s => s.Attendance).ToListAsync(cancellationToken);
        var years = all.GroupBy(s => s.Date.Year).OrderBy(g => g.Key).Select(g => new YearFigure(g.Key, g.Count(), g.Sum(s => s.Attendance.Sum(a => a.Participants)))).ToList();
        var shares = all.SelectMany(s => s.Attendance.Select(a => (s.Date.Year, a.DepartmentId, a.Participants)))
            .GroupBy(x => (x.Year, x.DepartmentId)).OrderBy(g => g.Key.Year).ThenBy(g => names[g.Key.DepartmentId], StringComparer.Ordinal)
            .Select(g =>
            {
                var staff = departments.Single(d => d.Id == g.Key.DepartmentId).PublicContactEmployees;
                var participants = g.Sum(x => x.Participants);
                return new DepartmentYearFigure(g.Key.Year, g.Key.DepartmentId, names[g.Key.DepartmentId], participants, staff,
                    staff is > 0 ? (int)Math.Round(100.0 * participants / staff.Value, MidpointRounding.AwayFromZero) : null);
            }).ToList();
        return new TrainingOverview(
            [.. sessions.Select(s => TrainingSessionView.From(s, names))], total, page, PageSize, years, shares,
            [.. departments.Select(d => new DepartmentStaffView(d.Id, d.Name, d.HasPublicContact, d.PublicContactEmployees, d.Version))]);
    }
}
