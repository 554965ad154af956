using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Training;

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

/// <summary>RecordTraining: a session with the number of participants per department.</summary>
public static class RecordTraining
{
    public const int MaxParticipants = 10_000;

    public static async Task<Outcome<TrainingSessionView>> HandleAsync(
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
        return Outcome<TrainingSessionView>.Ok(TrainingSessionView.From(session, known));
    }
}
