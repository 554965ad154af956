using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Framework;

/// <summary>Per theme and plateau: how many blocks are met, partly met, not met (and of those for lack of national funding), not assessed.</summary>
public sealed record ThemeSummary(string Theme, int Plateau, int Total, int Meets, int Partly, int DoesNotMeet, int LackOfFunding, int NotAssessed)
{
    /// <summary>Met counts fully, partly met half, as a percentage of all blocks.</summary>
    public int Score => Total == 0 ? 0 : (int)Math.Round(100.0 * (Meets + (Partly / 2.0)) / Total, MidpointRounding.AwayFromZero);

    /// <summary>The 2026 ambition of the growth model (level 2): plateau 1 largely met. Plateau 2 only after the evaluation in 2027.</summary>
    public int? Target => Plateau == 1 ? GetFrameworkChecklist.Plateau1Target : null;

    public bool? OnTarget => Target is { } target ? Score >= target : null;
}

public sealed record FrameworkChecklistView(IReadOnlyList<ThemeSummary> Summary, IReadOnlyList<BuildingBlockView> Blocks, int? Level);

/// <summary>GetFrameworkChecklist: the VNG framework checklist with a summary per theme and plateau, optionally only the blocks an investment level works on.</summary>
public static class GetFrameworkChecklist
{
    /// <summary>"Plateau 1 in grote lijnen realiseren" (plan section 12, level 2, 2025–2026), read as three quarters.</summary>
    public const int Plateau1Target = 75;

    public static async Task<Outcome<FrameworkChecklistView>> HandleAsync(MeldrouteDbContext db, IStringLocalizer t, int? level, CancellationToken cancellationToken)
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
}
