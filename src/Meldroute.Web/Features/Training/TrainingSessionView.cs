namespace Meldroute.Web.Features.Training;

/// <summary>How many of a department took part in a session.</summary>
public sealed record AttendanceView(int DepartmentId, string Department, int Participants);

public sealed record TrainingSessionView(int Id, DateOnly Date, string Title, string? Provider, string? Audience, int Participants, IReadOnlyList<AttendanceView> Departments)
{
    public static TrainingSessionView From(TrainingSession s, IReadOnlyDictionary<int, string> names) => new(
        s.Id, s.Date, s.Title, s.Provider, s.Audience, s.Attendance.Sum(a => a.Participants),
        [.. s.Attendance.Select(a => new AttendanceView(a.DepartmentId, names[a.DepartmentId], a.Participants)).OrderBy(a => a.Department, StringComparer.Ordinal)]);
}

/// <summary>A department with its number of employees with public contact, as ListTrainings and SetPublicContactEmployees show it.</summary>
public sealed record DepartmentStaffView(int Id, string Name, bool HasPublicContact, int? PublicContactEmployees, Guid Version);

