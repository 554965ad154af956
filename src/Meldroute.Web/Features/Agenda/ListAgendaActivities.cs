using System.ComponentModel.DataAnnotations;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Agenda;

/// <summary>ListAgendaActivities' filters, as query parameters: goal, year, level, status, late; and the page.</summary>
public sealed class AgendaQuery
{
    public string? Goal { get; set; }

    [Range(QueryRanges.YearMin, QueryRanges.YearMax)]
    public int? Year { get; set; }

    /// <summary>1 to 4; checked with the other filters (Agenda_LevelRange).</summary>
    public int? Level { get; set; }

    public string? Status { get; set; }

    public bool? Late { get; set; }

    [Range(1, QueryRanges.PageMax)]
    public int? Page { get; set; }
}

public sealed record AgendaPage(IReadOnlyList<AgendaActivityView> Activities, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// ListAgendaActivities: the implementation agenda (uitvoeringsagenda) of plan section 13, by goal, year, investment
/// level and status, late activities flagged; a page at a time, or all of them for the export.
/// </summary>
public static class ListAgendaActivities
{
    public static Outcome<AgendaPage> Validate(AgendaQuery q, IStringLocalizer t)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (q.Goal is not null && !AgendaActivityRules.TryParse<PlanGoals>(q.Goal, AgendaActivityRules.Goals, out _)) errors[nameof(q.Goal)] = [t["Agenda_GoalUnknown"]];
        if (q.Status is not null && !AgendaActivityRules.TryParse<AgendaStatus>(q.Status, Enum.GetValues<AgendaStatus>(), out _)) errors[nameof(q.Status)] = [t["Agenda_StatusUnknown"]];
        if (q.Level is < 1 or > 4) errors[nameof(q.Level)] = [t["Agenda_LevelRange"]];
        if (q.Year is < 2000 or > 2100) errors[nameof(q.Year)] = [t["Agenda_YearRange"]];
        if (q.Page is < 1) errors[nameof(q.Page)] = [t["Agenda_PageRange"]];
        return errors.Count > 0 ? Outcome<AgendaPage>.Invalid(errors) : Outcome<AgendaPage>.Ok(new AgendaPage([], 0, 1, AgendaActivityRules.PageSize));
    }

    public static async Task<Outcome<AgendaPage>> HandleAsync(MeldrouteDbContext db, TimeProvider clock, IStringLocalizer t, AgendaQuery q, CancellationToken cancellationToken, bool all = false)
    {
        if (Validate(q, t) is { Kind: not OutcomeKind.Ok } invalid)
        {
            return invalid;
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var query = db.AgendaActivities.AsNoTracking();
        if (q.Goal is not null && AgendaActivityRules.TryParse<PlanGoals>(q.Goal, AgendaActivityRules.Goals, out var goal)) query = query.Where(a => (a.Goals & goal) != 0);
        if (q.Status is not null && AgendaActivityRules.TryParse<AgendaStatus>(q.Status, Enum.GetValues<AgendaStatus>(), out var status)) query = query.Where(a => a.Status == status);
        if (q.Level is { } level) query = query.Where(a => a.Level == level);
        if (q.Year is { } year)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            query = query.Where(a => (a.PlannedStart == null || a.PlannedStart <= last) && (a.PlannedEnd == null || a.PlannedEnd >= first));
        }

        if (q.Late == true)
        {
            query = query.Where(a => (a.Status == AgendaStatus.Planned || a.Status == AgendaStatus.Running) && a.PlannedEnd != null && a.PlannedEnd < today);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = all ? 1 : Math.Min(q.Page ?? 1, Math.Max(1, (total + AgendaActivityRules.PageSize - 1) / AgendaActivityRules.PageSize));
        var ordered = query.OrderBy(a => a.PlannedStart == null).ThenBy(a => a.PlannedStart).ThenBy(a => a.Id).Include(a => a.Notes).AsSplitQuery();
        var rows = await (all ? ordered : ordered.Skip((page - 1) * AgendaActivityRules.PageSize).Take(AgendaActivityRules.PageSize)).ToListAsync(cancellationToken);
        return Outcome<AgendaPage>.Ok(new AgendaPage([.. rows.Select(a => AgendaActivityView.From(a, today))], total, page, all ? Math.Max(1, total) : AgendaActivityRules.PageSize));
    }
}
