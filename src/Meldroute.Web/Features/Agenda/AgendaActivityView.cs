using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Agenda;

/// <summary>A progress note as an activity shows it.</summary>
public sealed record AgendaNoteView(DateTimeOffset RecordedAt, string? RecordedBy, string Text, string? EvidenceUrl);

public sealed record AgendaActivityView(
    int Id, string Title, string? Description, IReadOnlyList<PlanGoals> Goals, IReadOnlyList<ExploitationForms> Forms, string? OwnerDepartment,
    string? Partners, int Level, string? BuildingBlocks, DateOnly? PlannedStart, DateOnly? PlannedEnd, AgendaStatus Status, bool IsLate,
    IReadOnlyList<AgendaNoteView> Notes, Guid Version)
{
    public static AgendaActivityView From(AgendaActivity a, DateOnly today) => new(
        a.Id, a.Title, a.Description, [.. AgendaActivityRules.Goals.Where(g => a.Goals.HasFlag(g))], [.. AgendaActivityRules.Forms.Where(f => a.Forms.HasFlag(f))],
        a.OwnerDepartment, a.Partners, a.Level, a.BuildingBlocks, a.PlannedStart, a.PlannedEnd, a.Status, AgendaActivityRules.IsLate(a.Status, a.PlannedEnd, today),
        [.. a.Notes.OrderByDescending(n => n.Id).Select(n => new AgendaNoteView(n.RecordedAt, n.RecordedByName, n.Text, n.EvidenceUrl))], a.Version);

    /// <summary>One activity as its page and the API show it; null when there is none.</summary>
    public static async Task<AgendaActivityView?> LoadAsync(MeldrouteDbContext db, TimeProvider clock, int id, CancellationToken cancellationToken) =>
        await db.AgendaActivities.AsNoTracking().Include(a => a.Notes).SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is { } a
            ? AgendaActivityView.From(a, DateOnly.FromDateTime(clock.GetLocalNow().Date))
            : null;
}
