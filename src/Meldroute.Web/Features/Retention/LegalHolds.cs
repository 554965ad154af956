using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Retention;

public sealed class PlaceLegalHoldRequest
{
    /// <summary>The signal's reference, e.g. MR-2026-0042.</summary>
    public string? Reference { get; set; }

    public string? Reason { get; set; }
}

/// <summary>PlaceLegalHold and LiftLegalHold: the privacy officer stops or resumes the purge of one signal, with a reason.</summary>
public static class LegalHolds
{
    public static async Task<Outcome<Guid>> PlaceAsync(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, PlaceLegalHoldRequest r, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TextRules.Check(errors, nameof(r.Reason), r.Reason, 1000, t, required: true);
        var reference = r.Reference?.Trim().ToUpperInvariant();
        var signal = string.IsNullOrEmpty(reference) ? null : await db.Signals.Where(s => s.Reference == reference).Select(s => new { s.Id, s.Reference }).SingleOrDefaultAsync(cancellationToken);
        if (signal is null)
        {
            errors[nameof(r.Reference)] = [t["Hold_UnknownReference"]];
        }

        if (errors.Count > 0)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var hold = new LegalHold { SignalId = signal!.Id, Reason = TextRules.Clean(r.Reason), PlacedById = user.FindFirstValue(ClaimTypes.NameIdentifier)!, PlacedAt = clock.GetUtcNow() };
        db.Add(hold);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("legal-hold.placed", AuditOutcome.Success, "signal", signal.Reference, "legal-hold"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<Guid>.Ok(hold.Id);
    }

    public static async Task<Outcome<Guid>> LiftAsync(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, Guid holdId, CancellationToken cancellationToken)
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
        var reference = await db.Signals.Where(s => s.Id == hold.SignalId).Select(s => s.Reference).SingleAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("legal-hold.lifted", AuditOutcome.Success, "signal", reference, "legal-hold"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<Guid>.Ok(hold.Id);
    }
}
