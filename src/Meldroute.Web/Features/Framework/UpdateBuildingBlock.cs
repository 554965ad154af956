using System.Security.Claims;
using Meldroute.Web.Features.Agenda;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Framework;

/// <summary>UpdateBuildingBlock's body: the assessment of a block and the agenda activities that work on it.</summary>
public sealed class BuildingBlockRequest
{
    public Guid? Version { get; set; }

    public string? Status { get; set; }

    public string? Explanation { get; set; }

    public bool LacksNationalFunding { get; set; }

    public List<int> ActivityIds { get; set; } = [];
}

/// <summary>UpdateBuildingBlock: assesses one building block; a stale version is a conflict.</summary>
public static class UpdateBuildingBlock
{
    public const int ExplanationMax = 2_000;

    public static async Task<Outcome<BuildingBlockView>> HandleAsync(
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
            if (AgendaActivityRules.TryParse<BlockStatus>(r.Status, Enum.GetValues<BlockStatus>(), out var parsed)) status = parsed;
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
        var view = (await GetFrameworkChecklist.HandleAsync(db, t, null, cancellationToken)).Value!.Blocks.Single(b => b.Id == id);
        return Outcome<BuildingBlockView>.Ok(view);
    }
}
