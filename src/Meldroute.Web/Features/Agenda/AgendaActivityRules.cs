using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Agenda;

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

/// <summary>
/// What AddAgendaActivity and UpdateAgendaActivity share: the limits, the goals and forms an activity can have, the
/// validation of the body and writing it to the activity, and saving with the audit record.
/// </summary>
public static class AgendaActivityRules
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

    /// <summary>A body's goals, forms and status, parsed.</summary>
    public sealed record Parsed(PlanGoals Goals, ExploitationForms Forms, AgendaStatus Status);

    public static Outcome<Parsed> Validate(AgendaActivityRequest r, IStringLocalizer t)
    {
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
        return errors.Count > 0 ? Outcome<Parsed>.Invalid(errors) : Outcome<Parsed>.Ok(new Parsed(goals, forms, status));
    }

    /// <summary>
    /// Writes a valid body to the activity, saves it and records <paramref name="action"/> in the audit trail, inside the
    /// caller's transaction; a concurrent edit is a conflict.
    /// </summary>
    public static async Task<Outcome<AgendaActivityView>> SaveAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, IDbContextTransaction transaction,
        AgendaActivity activity, AgendaActivityRequest r, Parsed parsed, string action, CancellationToken cancellationToken)
    {
        activity.Title = TextRules.Clean(r.Title)!;
        activity.Description = TextRules.Clean(r.Description);
        activity.Goals = parsed.Goals;
        activity.Forms = parsed.Forms;
        activity.OwnerDepartment = TextRules.Clean(r.OwnerDepartment);
        activity.Partners = TextRules.Clean(r.Partners);
        activity.Level = r.Level!.Value;
        activity.BuildingBlocks = TextRules.Clean(r.BuildingBlocks);
        activity.PlannedStart = r.PlannedStart;
        activity.PlannedEnd = r.PlannedEnd;
        activity.Status = parsed.Status;
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

        await audit.RecordAsync(new AuditEntry(action, AuditOutcome.Success, "agenda-activity", Key(activity.Id)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<AgendaActivityView>.Ok((await AgendaActivityView.LoadAsync(db, clock, activity.Id, cancellationToken))!);
    }

    public static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses an enum name (not a number) among the allowed values.</summary>
    public static bool TryParse<T>(string? value, IEnumerable<T> allowed, out T result)
        where T : struct, Enum
    {
        result = default;
        return !string.IsNullOrWhiteSpace(value) && !value.Trim().All(c => char.IsAsciiDigit(c) || c == '-')
               && Enum.TryParse(value.Trim(), ignoreCase: true, out result) && allowed.Contains(result);
    }
}
