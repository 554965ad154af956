using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Training;

public sealed record AttendanceView(int DepartmentId, string Department, int Participants);

public sealed record TrainingSessionView(int Id, DateOnly Date, string Title, string? Provider, string? Audience, int Participants, IReadOnlyList<AttendanceView> Departments);

public sealed record DepartmentStaffView(int Id, string Name, bool HasPublicContact, int? PublicContactEmployees, Guid Version);

/// <summary>Per department and year: participants, employees with public contact, the share trained (null when the number of employees is unknown).</summary>
public sealed record DepartmentYearFigure(int Year, int DepartmentId, string Department, int Participants, int? PublicContactEmployees, int? SharePercent);

public sealed record YearFigure(int Year, int Sessions, int Participants);

public sealed record TrainingOverview(
    IReadOnlyList<TrainingSessionView> Sessions, int Total, int Page, int PageSize, IReadOnlyList<YearFigure> Years, IReadOnlyList<DepartmentYearFigure> Shares,
    IReadOnlyList<DepartmentStaffView> Departments)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed class AttendanceInput
{
    public int DepartmentId { get; set; }

    public int? Participants { get; set; }
}

/// <summary>RecordTraining's body. Only numbers per department, never names of participants.</summary>
public sealed class TrainingRequest
{
    public DateOnly? Date { get; set; }

    public string? Title { get; set; }

    public string? Provider { get; set; }

    public string? Audience { get; set; }

    public List<AttendanceInput> Departments { get; set; } = [];
}

public sealed class DepartmentStaffRequest
{
    public Guid? Version { get; set; }

    public int? PublicContactEmployees { get; set; }
}

/// <summary>ListTrainings, RecordTraining and SetPublicContactEmployees: training records and the figures of plan goal 3.</summary>
public static class Trainings
{
    public const int PageSize = 25;
    public const int MaxParticipants = 10_000;

    public static async Task<TrainingOverview> ListAsync(MeldrouteDbContext db, int page, CancellationToken cancellationToken)
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
            [.. sessions.Select(s => ToView(s, names))], total, page, PageSize, years, shares,
            [.. departments.Select(d => new DepartmentStaffView(d.Id, d.Name, d.HasPublicContact, d.PublicContactEmployees, d.Version))]);
    }

    public static async Task<Outcome<TrainingSessionView>> RecordAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, TrainingRequest r, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (r.Date is null) errors[nameof(r.Date)] = [t["Training_DateRequired"]];
        else if (r.Date.Value > DateOnly.FromDateTime(clock.GetLocalNow().Date).AddDays(1)) errors[nameof(r.Date)] = [t["Training_DateFuture"]];
        TextRules.Check(errors, nameof(r.Title), r.Title, 200, t, required: true);
        TextRules.Check(errors, nameof(r.Provider), r.Provider, 200, t);
        TextRules.Check(errors, nameof(r.Audience), r.Audience, 500, t);
        var known = (await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Name);
        var attendance = new List<TrainingAttendance>();
        for (var i = 0; i < r.Departments.Count; i++)
        {
            var a = r.Departments[i];
            var field = $"{nameof(r.Departments)}[{i}].{nameof(a.Participants)}";
            if (a.Participants is null or 0)
            {
                continue;
            }

            if (!known.ContainsKey(a.DepartmentId)) errors[field] = [t["Training_DepartmentUnknown"]];
            else if (a.Participants is < 0 or > MaxParticipants) errors[field] = [t["Training_ParticipantsRange", MaxParticipants]];
            else if (attendance.Any(x => x.DepartmentId == a.DepartmentId)) errors[field] = [t["Training_DepartmentTwice"]];
            else attendance.Add(new TrainingAttendance { DepartmentId = a.DepartmentId, Participants = a.Participants.Value });
        }

        if (attendance.Count == 0 && !errors.Keys.Any(k => k.StartsWith(nameof(r.Departments), StringComparison.Ordinal)))
        {
            errors[nameof(r.Departments)] = [t["Training_ParticipantsRequired"]];
        }

        if (errors.Count > 0)
        {
            return Outcome<TrainingSessionView>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = new TrainingSession
        {
            Date = r.Date!.Value, Title = TextRules.Clean(r.Title)!, Provider = TextRules.Clean(r.Provider), Audience = TextRules.Clean(r.Audience), Attendance = attendance,
            RecordedAt = clock.GetUtcNow(), RecordedById = user.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("training.recorded", AuditOutcome.Success, "training-session", session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<TrainingSessionView>.Ok(ToView(session, known));
    }

    public static async Task<Outcome<DepartmentStaffView>> SetStaffAsync(
        MeldrouteDbContext db, AuditTrail audit, IStringLocalizer t, int departmentId, DepartmentStaffRequest r, CancellationToken cancellationToken)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == departmentId, cancellationToken);
        if (department is null)
        {
            return Outcome<DepartmentStaffView>.NotFound();
        }

        if (r.PublicContactEmployees is < 0 or > 100_000)
        {
            return Outcome<DepartmentStaffView>.Invalid(nameof(r.PublicContactEmployees), t["Training_StaffRange"]);
        }

        if (r.Version is { } version && version != department.Version)
        {
            return Outcome<DepartmentStaffView>.Conflict(t["Training_StaffChangedByOther", department.Name]);
        }

        if (department.PublicContactEmployees != r.PublicContactEmployees)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Entry(department).Property(d => d.Version).OriginalValue = department.Version;
            department.PublicContactEmployees = r.PublicContactEmployees;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<DepartmentStaffView>.Conflict(t["Training_StaffChangedByOther", department.Name]);
            }

            await audit.RecordAsync(new AuditEntry("department.staff.updated", AuditOutcome.Success, "department", department.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return Outcome<DepartmentStaffView>.Ok(new DepartmentStaffView(department.Id, department.Name, department.HasPublicContact, department.PublicContactEmployees, department.Version));
    }

    private static TrainingSessionView ToView(TrainingSession s, IReadOnlyDictionary<int, string> names) => new(
        s.Id, s.Date, s.Title, s.Provider, s.Audience, s.Attendance.Sum(a => a.Participants),
        [.. s.Attendance.Select(a => new AttendanceView(a.DepartmentId, names[a.DepartmentId], a.Participants)).OrderBy(a => a.Department, StringComparer.Ordinal)]);
}
