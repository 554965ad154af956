using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Setup;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Figures;

/// <summary>
/// DeleteBaselineCount: the policy advisor removes an entered count (entered in error). The version must be the one
/// the user saw; the removal is audited and its last values stay in the change list.
/// </summary>
public static class DeleteBaselineCount
{
    public static async Task<Outcome<BaselineCountView>> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, int id, Guid? version, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.BaselineCounts.SingleOrDefaultAsync(b => b.Id == id, cancellationToken) is not { } entry)
        {
            return Outcome<BaselineCountView>.NotFound();
        }

        var conflict = t["Baseline_ChangedByOther", entry.Year, t["FormCategory_" + entry.Form], t["Source_" + entry.Source]];
        if (version is null)
        {
            return Outcome<BaselineCountView>.Invalid("Version", t["Baseline_VersionRequired"]);
        }

        if (version != entry.Version)
        {
            return Outcome<BaselineCountView>.Conflict(conflict);
        }

        var view = BaselineCountView.From(entry);
        db.Entry(entry).Property(b => b.Version).OriginalValue = entry.Version;
        db.BaselineCounts.Remove(entry);
        ReferenceChange.Record(db, ReferenceChange.Baseline, entry.Key, BaselineRules.Fields(entry), after: null, user, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<BaselineCountView>.Conflict(conflict);
        }

        await audit.RecordAsync(new AuditEntry("baseline.deleted", AuditOutcome.Success, "baseline", entry.Key), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<BaselineCountView>.Ok(view);
    }
}
