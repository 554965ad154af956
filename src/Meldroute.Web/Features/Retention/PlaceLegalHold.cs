using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Retention;

/// <summary>PlaceLegalHold's body.</summary>
public sealed class PlaceLegalHoldRequest
{
    /// <summary>The reference of a signal (MR-2026-0042) or a victim dossier (SD-2026-0042).</summary>
    public string? Reference { get; set; }

    public string? Reason { get; set; }
}

/// <summary>PlaceLegalHold: the privacy officer stops the purge of one signal or victim dossier, with a reason.</summary>
public static class PlaceLegalHold
{
    public static async Task<Outcome<Guid>> HandleAsync(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, PlaceLegalHoldRequest r, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TextRules.Check(errors, nameof(r.Reason), r.Reason, 1000, t, required: true);
        var reference = r.Reference?.Trim().ToUpperInvariant();
        var signal = string.IsNullOrEmpty(reference) ? null : await db.Signals.Where(s => s.Reference == reference).Select(s => new { s.Id, s.Reference }).SingleOrDefaultAsync(cancellationToken);
        var dossier = string.IsNullOrEmpty(reference) || signal is not null ? null : await db.VictimDossiers.Where(d => d.Reference == reference).Select(d => new { d.Id, d.Reference }).SingleOrDefaultAsync(cancellationToken);
        if (signal is null && dossier is null)
        {
            errors[nameof(r.Reference)] = [t["Hold_UnknownReference"]];
        }

        if (errors.Count > 0)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var hold = new LegalHold { SignalId = signal?.Id, VictimDossierId = dossier?.Id, Reason = TextRules.Clean(r.Reason), PlacedById = user.FindFirstValue(ClaimTypes.NameIdentifier)!, PlacedAt = clock.GetUtcNow() };
        db.Add(hold);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(signal is not null
            ? new AuditEntry("legal-hold.placed", AuditOutcome.Success, "signal", signal.Reference, "legal-hold")
            : new AuditEntry("legal-hold.placed", AuditOutcome.Success, VictimDossiers.VictimDossier.AuditObject, dossier!.Reference, "legal-hold"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<Guid>.Ok(hold.Id);
    }
}
