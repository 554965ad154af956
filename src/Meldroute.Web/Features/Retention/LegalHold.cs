using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Retention;

/// <summary>
/// A legal hold on a signal or a victim dossier (for example a request of the public prosecutor): while it is active,
/// no retention rule deletes the item's personal data. Placing and lifting are audited.
/// </summary>
public sealed class LegalHold : IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The signal held, or null when the hold is on a victim dossier.</summary>
    public Guid? SignalId { get; set; }

    /// <summary>The victim dossier held, or null when the hold is on a signal.</summary>
    public Guid? VictimDossierId { get; set; }

    /// <summary>The item held: its id, signal or dossier.</summary>
    public Guid ItemId => SignalId ?? VictimDossierId ?? Guid.Empty;

    /// <summary>Why, in words (may name a case: stored encrypted).</summary>
    [Encrypted]
    public string? Reason { get; set; }

    public required string PlacedById { get; set; }

    public DateTimeOffset PlacedAt { get; set; }

    public DateTimeOffset? LiftedAt { get; set; }

    public string? LiftedById { get; set; }

    /// <summary>The active holds by the item they hold (signal or dossier id) and the hold's id.</summary>
    public static async Task<Dictionary<Guid, Guid>> ActiveAsync(Infrastructure.Data.MeldrouteDbContext db, CancellationToken cancellationToken) =>
        (await db.Set<LegalHold>().AsNoTracking().Where(h => h.LiftedAt == null).Select(h => new { h.SignalId, h.VictimDossierId, h.Id }).ToListAsync(cancellationToken))
            .GroupBy(h => h.SignalId ?? h.VictimDossierId!.Value).ToDictionary(g => g.Key, g => g.First().Id);
}

/// <summary>PlaceLegalHold and LiftLegalHold's answer: the hold.</summary>
public sealed record LegalHoldRef(Guid Id);

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> builder)
    {
        builder.Property(h => h.PlacedById).HasMaxLength(64);
        builder.Property(h => h.LiftedById).HasMaxLength(64);
        builder.HasIndex(h => h.SignalId);
        builder.HasIndex(h => h.VictimDossierId);
        builder.Ignore(h => h.ItemId);
        builder.HasOne<Signals.Signal>().WithMany().HasForeignKey(h => h.SignalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<VictimDossiers.VictimDossier>().WithMany().HasForeignKey(h => h.VictimDossierId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_LegalHolds_OneItem", "(\"SignalId\" IS NULL) <> (\"VictimDossierId\" IS NULL)"));
    }
}
