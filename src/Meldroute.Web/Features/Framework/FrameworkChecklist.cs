using System.Security.Claims;
using Meldroute.Web.Features.Agenda;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Framework;

public sealed record LinkedActivity(int Id, string Title, int Level, AgendaStatus Status);

public sealed record BuildingBlockView(
    int Id, string Theme, int Plateau, string Name, string? Source, BlockStatus? Status, string? Explanation, bool LacksNationalFunding,
    IReadOnlyList<LinkedActivity> Activities, Guid Version);

/// <summary>Per theme and plateau: how many blocks are met, partly met, not met (and of those for lack of national funding), not assessed.</summary>
public sealed record ThemeSummary(string Theme, int Plateau, int Total, int Meets, int Partly, int DoesNotMeet, int LackOfFunding, int NotAssessed)
{
    /// <summary>Met counts fully, partly met half, as a percentage of all blocks.</summary>
    public int Score => Total == 0 ? 0 : (int)Math.Round(100.0 * (Meets + (Partly / 2.0)) / Total, MidpointRounding.AwayFromZero);

    /// <summary>The 2026 ambition of the growth model (level 2): plateau 1 largely met. Plateau 2 only after the evaluation in 2027.</summary>
    public int? Target => Plateau == 1 ? FrameworkChecklist.Plateau1Target : null;

    public bool? OnTarget => Target is { } target ? Score >= target : null;
}

public sealed record FrameworkChecklistView(IReadOnlyList<ThemeSummary> Summary, IReadOnlyList<BuildingBlockView> Blocks, int? Level);

public sealed class BuildingBlockRequest
{
    public Guid? Version { get; set; }

    public string? Status { get; set; }

    public string? Explanation { get; set; }

    public bool LacksNationalFunding { get; set; }

    public List<int> ActivityIds { get; set; } = [];
}

/// <summary>GetFrameworkChecklist and UpdateBuildingBlock: the VNG framework checklist with a summary per theme and plateau.</summary>
public static class FrameworkChecklist
{
    public const int ExplanationMax = 2_000;

    /// <summary>"Plateau 1 in grote lijnen realiseren" (plan section 12, level 2, 2025–2026), read as three quarters.</summary>
    public const int Plateau1Target = 75;

    /// <summary>The building blocks from vng-kader.csv: reference data every installation needs, editable afterwards.</summary>
    public static async Task EnsureAsync(MeldrouteDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.BuildingBlocks.AnyAsync(cancellationToken))
        {
            return;
        }

        var order = 0;
        foreach (var row in Infrastructure.Data.SeedData.Read("vng-kader.csv"))
        {
            db.BuildingBlocks.Add(new BuildingBlock
            {
                Theme = row["theme"].Trim(), Plateau = int.Parse(row["plateau"], System.Globalization.CultureInfo.InvariantCulture), Name = row["building_block"].Trim(),
                Source = row["source"].Trim(), SortOrder = ++order,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task<Outcome<FrameworkChecklistView>> GetAsync(MeldrouteDbContext db, IStringLocalizer t, int? level, CancellationToken cancellationToken)
    {
        if (level is < 1 or > 4)
        {
            return Outcome<FrameworkChecklistView>.Invalid("Level", t["Agenda_LevelRange"]);
        }

        var blocks = await db.BuildingBlocks.AsNoTracking().Include(b => b.Activities).OrderBy(b => b.SortOrder).ToListAsync(cancellationToken);
        var activities = await db.AgendaActivities.AsNoTracking().Select(a => new LinkedActivity(a.Id, a.Title, a.Level, a.Status)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var views = blocks.Select(b => new BuildingBlockView(
            b.Id, b.Theme, b.Plateau, b.Name, b.Source, b.Status, b.Explanation, b.LacksNationalFunding,
            [.. b.Activities.Select(a => activities[a.ActivityId]).OrderBy(a => a.Title, StringComparer.Ordinal)], b.Version)).ToList();
        if (level is { } only)
        {
            views = [.. views.Where(b => b.Activities.Any(a => a.Level == only))];
        }

        var summary = views.GroupBy(b => (b.Theme, b.Plateau))
            .Select(g => new ThemeSummary(g.Key.Theme, g.Key.Plateau, g.Count(), g.Count(b => b.Status == BlockStatus.Meets), g.Count(b => b.Status == BlockStatus.Partly),
                g.Count(b => b.Status == BlockStatus.DoesNotMeet), g.Count(b => b.Status is BlockStatus.DoesNotMeet or BlockStatus.Partly && b.LacksNationalFunding), g.Count(b => b.Status is null)))
            .OrderBy(s => s.Plateau).ToList();
        return Outcome<FrameworkChecklistView>.Ok(new FrameworkChecklistView(summary, views, level));
    }

    public static async Task<Outcome<BuildingBlockView>> UpdateAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, int id, BuildingBlockRequest r, CancellationToken cancellationToken)
    {
        var block = await db.BuildingBlocks.Include(b => b.Activities).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (block is null)
        {
            return Outcome<BuildingBlockView>.NotFound();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        BlockStatus? status = null;
        if (!string.IsNullOrWhiteSpace(r.Status))
        {
            if (AgendaActivities.TryParse<BlockStatus>(r.Status, Enum.GetValues<BlockStatus>(), out var parsed)) status = parsed;
            else errors[nameof(r.Status)] = [t["Framework_StatusUnknown"]];
        }

        TextRules.Check(errors, nameof(r.Explanation), r.Explanation, ExplanationMax, t, required: status is BlockStatus.Partly or BlockStatus.DoesNotMeet);
        if (r.LacksNationalFunding && status is null or BlockStatus.Meets)
        {
            errors[nameof(r.LacksNationalFunding)] = [t["Framework_FundingOnlyWhenNotMet"]];
        }

        var ids = r.ActivityIds.Distinct().ToList();
        if (ids.Count > 0 && await db.AgendaActivities.CountAsync(a => ids.Contains(a.Id), cancellationToken) != ids.Count)
        {
            errors[nameof(r.ActivityIds)] = [t["Framework_ActivityUnknown"]];
        }

        if (errors.Count > 0)
        {
            return Outcome<BuildingBlockView>.Invalid(errors);
        }

        if (r.Version is { } version && version != block.Version)
        {
            return Outcome<BuildingBlockView>.Conflict(t["Framework_ChangedByOther", block.Name]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Entry(block).Property(b => b.Version).OriginalValue = block.Version;
        block.Status = status;
        block.Explanation = TextRules.Clean(r.Explanation);
        block.LacksNationalFunding = r.LacksNationalFunding;
        block.Activities.RemoveAll(a => !ids.Contains(a.ActivityId));
        block.Activities.AddRange(ids.Where(i => block.Activities.All(a => a.ActivityId != i)).Select(i => new BuildingBlockActivity { BuildingBlockId = id, ActivityId = i }));
        block.UpdatedAt = clock.GetUtcNow();
        block.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<BuildingBlockView>.Conflict(t["Framework_ChangedByOther", block.Name]);
        }

        await audit.RecordAsync(new AuditEntry("framework.block.updated", AuditOutcome.Success, "building-block", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var view = (await GetAsync(db, t, null, cancellationToken)).Value!.Blocks.Single(b => b.Id == id);
        return Outcome<BuildingBlockView>.Ok(view);
    }
}
