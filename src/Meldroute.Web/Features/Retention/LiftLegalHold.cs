using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Retention;

/// <summary>LiftLegalHold: the privacy officer lets the purge of a held signal or victim dossier resume.</summary>
public static class LiftLegalHold
{
    public static async Task<Outcome<Guid>> HandleAsync(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, Guid holdId, CancellationToken cancellationToken)
    {
        var hold = await db.Set<LegalHold>().SingleOrDefaultAsync(h => h.Id == holdId, cancellationToken);
        if (hold is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (hold.LiftedAt is not null)
        {
            return Outcome<Guid>.Conflict(t["Hold_AlreadyLifted"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        hold.LiftedAt = clock.GetUtcNow();
        hold.LiftedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        await db.SaveChangesAsync(cancellationToken);
        var entry = hold.SignalId is { } signalId
            ? new AuditEntry("legal-hold.lifted", AuditOutcome.Success, "signal", await db.Signals.Where(s => s.Id == signalId).Select(s => s.Reference).SingleAsync(cancellationToken), "legal-hold")
            : new AuditEntry("legal-hold.lifted", AuditOutcome.Success, VictimDossiers.VictimDossier.AuditObject, await db.VictimDossiers.Where(d => d.Id == hold.VictimDossierId).Select(d => d.Reference).SingleAsync(cancellationToken), "legal-hold");
        await audit.RecordAsync(entry, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<Guid>.Ok(hold.Id);
    }
}
