using System.Globalization;
using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Partners;

/// <summary>
/// The one way a stored partner changes (UpdatePartner, SetPartnerRoutes, ArchivePartner): load it with its contacts,
/// work processes and routes, check the version the user saw, apply the change, record what changed with old and new
/// values (<see cref="PartnerHistory"/>), save and audit in one transaction. Another user's save in between is a conflict.
/// </summary>
public static class PartnerEdits
{
    /// <summary>
    /// Runs <paramref name="change"/> on the tracked partner and its stored routes; it answers the routes as they are
    /// afterwards, or an outcome that stops the change.
    /// </summary>
    public static async Task<Outcome<PartnerView>> RunAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, int id, Guid? version, string auditAction,
        Func<Partner, List<PartnerRoute>, (List<PartnerRoute>? Routes, Outcome<PartnerView>? Stop)> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var partner = await db.Partners.Include(p => p.Contacts).Include(p => p.WorkProcesses).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partner is null)
        {
            return Outcome<PartnerView>.NotFound();
        }

        if (version is { } seen && seen != partner.Version)
        {
            return Outcome<PartnerView>.Conflict(t["Partner_ChangedByOther", partner.Name]);
        }

        db.Entry(partner).Property(p => p.Version).OriginalValue = partner.Version;
        var routes = await db.PartnerRoutes.Where(r => r.PartnerId == id).ToListAsync(cancellationToken);
        var before = PartnerSnapshot.Of(partner, routes);
        var (after, stop) = change(partner, routes);
        if (stop is not null)
        {
            return stop;
        }

        var now = clock.GetUtcNow();
        var changed = PartnerHistory.Record(db, partner.Id, before, PartnerSnapshot.Of(partner, after!), user, now);
        if (changed.Count == 0)
        {
            return Outcome<PartnerView>.Ok((await GetPartner.HandleAsync(db, id, cancellationToken))!);
        }

        partner.UpdatedAt = now;
        partner.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<PartnerView>.Conflict(t["Partner_ChangedByOther", partner.Name]);
        }

        await audit.RecordAsync(new AuditEntry(auditAction, AuditOutcome.Success, "partner", partner.Id.ToString(CultureInfo.InvariantCulture), string.Join(',', changed)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<PartnerView>.Ok((await GetPartner.HandleAsync(db, id, cancellationToken))!);
    }
}
