using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Agenda;

/// <summary>ListAgendaActivities' filters, as query parameters: goal, year, level, status, late; and the page.</summary>
public sealed class AgendaQuery
{
    public string? Goal { get; set; }

    public int? Year { get; set; }

    public int? Level { get; set; }

    public string? Status { get; set; }

    public bool? Late { get; set; }

    public int? Page { get; set; }
}

public sealed record AgendaNoteView(DateTimeOffset RecordedAt, string? RecordedBy, string Text, string? EvidenceUrl);

public sealed record AgendaActivityView(
    int Id, string Title, string? Description, IReadOnlyList<PlanGoals> Goals, IReadOnlyList<ExploitationForms> Forms, string? OwnerDepartment,
    string? Partners, int Level, string? BuildingBlocks, DateOnly? PlannedStart, DateOnly? PlannedEnd, AgendaStatus Status, bool IsLate,
    IReadOnlyList<AgendaNoteView> Notes, Guid Version)
{
    public static AgendaActivityView From(AgendaActivity a, DateOnly today) => new(
        a.Id, a.Title, a.Description, [.. AgendaActivities.Goals.Where(g => a.Goals.HasFlag(g))], [.. AgendaActivities.Forms.Where(f => a.Forms.HasFlag(f))],
        a.OwnerDepartment, a.Partners, a.Level, a.BuildingBlocks, a.PlannedStart, a.PlannedEnd, a.Status, AgendaActivities.IsLate(a.Status, a.PlannedEnd, today),
        [.. a.Notes.OrderByDescending(n => n.Id).Select(n => new AgendaNoteView(n.RecordedAt, n.RecordedByName, n.Text, n.EvidenceUrl))], a.Version);
}

public sealed record AgendaPage(IReadOnlyList<AgendaActivityView> Activities, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>AddAgendaActivity and UpdateAgendaActivity's body.</summary>
public sealed class AgendaActivityRequest
{
    public Guid? Version { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public List<string> Goals { get; set; } = [];

    public List<string> Forms { get; set; } = [];

    public string? OwnerDepartment { get; set; }

    public string? Partners { get; set; }

    public int? Level { get; set; }

    public string? BuildingBlocks { get; set; }

    public DateOnly? PlannedStart { get; set; }

    public DateOnly? PlannedEnd { get; set; }

    public string? Status { get; set; }

    public static AgendaActivityRequest From(AgendaActivityView a) => new()
    {
        Version = a.Version, Title = a.Title, Description = a.Description, Goals = [.. a.Goals.Select(g => g.ToString())], Forms = [.. a.Forms.Select(f => f.ToString())],
        OwnerDepartment = a.OwnerDepartment, Partners = a.Partners, Level = a.Level, BuildingBlocks = a.BuildingBlocks, PlannedStart = a.PlannedStart,
        PlannedEnd = a.PlannedEnd, Status = a.Status.ToString(),
    };
}

public sealed class AgendaNoteRequest
{
    public string? Text { get; set; }

    public string? EvidenceUrl { get; set; }
}

/// <summary>
/// ListAgendaActivities, AddAgendaActivity, UpdateAgendaActivity and AddAgendaProgressNote: the implementation agenda
/// (uitvoeringsagenda) of plan section 13, by goal, year, investment level and status; late activities flagged.
/// </summary>
public static class AgendaActivities
{
    public const int TitleMax = 200;
    public const int ShortMax = 200;
    public const int TextMax = 4_000;
    public const int PageSize = 25;

    public static readonly IReadOnlyList<PlanGoals> Goals =
        [PlanGoals.PolicyBasis, PlanGoals.SignallingCapacity, PlanGoals.Awareness, PlanGoals.ChainCooperation, PlanGoals.VictimCare, PlanGoals.Enforcement];

    public static readonly IReadOnlyList<ExploitationForms> Forms = [ExploitationForms.Sexual, ExploitationForms.Labour, ExploitationForms.Criminal];

    /// <summary>Late: planned to end before today and not done, stopped or unfunded.</summary>
    public static bool IsLate(AgendaStatus status, DateOnly? plannedEnd, DateOnly today) =>
        status is AgendaStatus.Planned or AgendaStatus.Running && plannedEnd is { } end && end < today;

    public static Outcome<AgendaPage> Validate(AgendaQuery q, IStringLocalizer t)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (q.Goal is not null && !TryParse<PlanGoals>(q.Goal, Goals, out _)) errors[nameof(q.Goal)] = [t["Agenda_GoalUnknown"]];
        if (q.Status is not null && !TryParse<AgendaStatus>(q.Status, Enum.GetValues<AgendaStatus>(), out _)) errors[nameof(q.Status)] = [t["Agenda_StatusUnknown"]];
        if (q.Level is < 1 or > 4) errors[nameof(q.Level)] = [t["Agenda_LevelRange"]];
        if (q.Year is < 2000 or > 2100) errors[nameof(q.Year)] = [t["Agenda_YearRange"]];
        if (q.Page is < 1) errors[nameof(q.Page)] = [t["Agenda_PageRange"]];
        return errors.Count > 0 ? Outcome<AgendaPage>.Invalid(errors) : Outcome<AgendaPage>.Ok(new AgendaPage([], 0, 1, PageSize));
    }

    public static async Task<Outcome<AgendaPage>> ListAsync(MeldrouteDbContext db, TimeProvider clock, IStringLocalizer t, AgendaQuery q, CancellationToken cancellationToken, bool all = false)
    {
        if (Validate(q, t) is { Kind: not OutcomeKind.Ok } invalid)
        {
            return invalid;
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var query = db.AgendaActivities.AsNoTracking();
        if (q.Goal is not null && TryParse<PlanGoals>(q.Goal, Goals, out var goal)) query = query.Where(a => (a.Goals & goal) != 0);
        if (q.Status is not null && TryParse<AgendaStatus>(q.Status, Enum.GetValues<AgendaStatus>(), out var status)) query = query.Where(a => a.Status == status);
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
        var page = all ? 1 : Math.Min(q.Page ?? 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var ordered = query.OrderBy(a => a.PlannedStart == null).ThenBy(a => a.PlannedStart).ThenBy(a => a.Id).Include(a => a.Notes).AsSplitQuery();
        var rows = await (all ? ordered : ordered.Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);
        return Outcome<AgendaPage>.Ok(new AgendaPage([.. rows.Select(a => AgendaActivityView.From(a, today))], total, page, all ? Math.Max(1, total) : PageSize));
    }

    public static async Task<AgendaActivityView?> GetAsync(MeldrouteDbContext db, TimeProvider clock, int id, CancellationToken cancellationToken) =>
        await db.AgendaActivities.AsNoTracking().Include(a => a.Notes).SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is { } a
            ? AgendaActivityView.From(a, DateOnly.FromDateTime(clock.GetLocalNow().Date))
            : null;

    public static async Task<Outcome<AgendaActivityView>> SaveAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, int? id, AgendaActivityRequest r, CancellationToken cancellationToken)
    {
        if (id is not null && !await db.AgendaActivities.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return Outcome<AgendaActivityView>.NotFound();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TextRules.Check(errors, nameof(r.Title), r.Title, TitleMax, t, required: true);
        TextRules.Check(errors, nameof(r.Description), r.Description, TextMax, t);
        TextRules.Check(errors, nameof(r.OwnerDepartment), r.OwnerDepartment, ShortMax, t);
        TextRules.Check(errors, nameof(r.Partners), r.Partners, ShortMax * 5, t);
        TextRules.Check(errors, nameof(r.BuildingBlocks), r.BuildingBlocks, ShortMax * 5, t);
        var goals = PlanGoals.None;
        foreach (var g in r.Goals)
        {
            if (TryParse<PlanGoals>(g, Goals, out var parsed)) goals |= parsed;
            else errors[nameof(r.Goals)] = [t["Agenda_GoalUnknown"]];
        }

        if (goals == PlanGoals.None && !errors.ContainsKey(nameof(r.Goals))) errors[nameof(r.Goals)] = [t["Agenda_GoalRequired"]];
        var forms = ExploitationForms.None;
        foreach (var f in r.Forms)
        {
            if (TryParse<ExploitationForms>(f, Forms, out var parsed)) forms |= parsed;
            else errors[nameof(r.Forms)] = [t["CareMap_FormUnknown"]];
        }

        if (r.Level is null or < 1 or > 4) errors[nameof(r.Level)] = [t["Agenda_LevelRange"]];
        AgendaStatus status = default;
        if (string.IsNullOrWhiteSpace(r.Status)) errors[nameof(r.Status)] = [t["Agenda_StatusRequired"]];
        else if (!TryParse(r.Status, Enum.GetValues<AgendaStatus>(), out status)) errors[nameof(r.Status)] = [t["Agenda_StatusUnknown"]];
        if (r.PlannedStart is { } start && r.PlannedEnd is { } end && end < start) errors[nameof(r.PlannedEnd)] = [t["Agenda_EndBeforeStart"]];
        if (errors.Count > 0)
        {
            return Outcome<AgendaActivityView>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        AgendaActivity activity;
        if (id is null)
        {
            activity = new AgendaActivity { Title = "" };
            db.AgendaActivities.Add(activity);
        }
        else
        {
            activity = await db.AgendaActivities.SingleAsync(a => a.Id == id, cancellationToken);
            if (r.Version is { } version && version != activity.Version)
            {
                return Outcome<AgendaActivityView>.Conflict(t["Agenda_ChangedByOther", activity.Title]);
            }

            db.Entry(activity).Property(a => a.Version).OriginalValue = activity.Version;
        }

        activity.Title = TextRules.Clean(r.Title)!;
        activity.Description = TextRules.Clean(r.Description);
        activity.Goals = goals;
        activity.Forms = forms;
        activity.OwnerDepartment = TextRules.Clean(r.OwnerDepartment);
        activity.Partners = TextRules.Clean(r.Partners);
        activity.Level = r.Level!.Value;
        activity.BuildingBlocks = TextRules.Clean(r.BuildingBlocks);
        activity.PlannedStart = r.PlannedStart;
        activity.PlannedEnd = r.PlannedEnd;
        activity.Status = status;
        activity.UpdatedAt = clock.GetUtcNow();
        activity.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<AgendaActivityView>.Conflict(t["Agenda_ChangedByOther", activity.Title]);
        }

        await audit.RecordAsync(new AuditEntry(id is null ? "agenda.activity.added" : "agenda.activity.updated", AuditOutcome.Success, "agenda-activity", Key(activity.Id)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<AgendaActivityView>.Ok((await GetAsync(db, clock, activity.Id, cancellationToken))!);
    }

    public static async Task<Outcome<AgendaActivityView>> AddNoteAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, int id, AgendaNoteRequest r, CancellationToken cancellationToken)
    {
        if (!await db.AgendaActivities.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return Outcome<AgendaActivityView>.NotFound();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TextRules.Check(errors, nameof(r.Text), r.Text, TextMax, t, required: true);
        TextRules.Check(errors, nameof(r.EvidenceUrl), r.EvidenceUrl, 1000, t);
        var url = TextRules.Clean(r.EvidenceUrl);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors[nameof(r.EvidenceUrl)] = [t["Agenda_EvidenceUrlInvalid"]];
        }

        if (errors.Count > 0)
        {
            return Outcome<AgendaActivityView>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AgendaProgressNotes.Add(new AgendaProgressNote
        {
            ActivityId = id, RecordedAt = clock.GetUtcNow(), RecordedByName = user.Identity?.Name, Text = TextRules.Clean(r.Text)!, EvidenceUrl = url,
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("agenda.note.added", AuditOutcome.Success, "agenda-activity", Key(id)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<AgendaActivityView>.Ok((await GetAsync(db, clock, id, cancellationToken))!);
    }

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses an enum name (not a number) among the allowed values.</summary>
    public static bool TryParse<T>(string? value, IEnumerable<T> allowed, out T result)
        where T : struct, Enum
    {
        result = default;
        return !string.IsNullOrWhiteSpace(value) && !value.Trim().All(c => char.IsAsciiDigit(c) || c == '-')
               && Enum.TryParse(value.Trim(), ignoreCase: true, out result) && allowed.Contains(result);
    }
}
