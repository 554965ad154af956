using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Meldroute.Web.Infrastructure.Data;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>
/// The shielded victim dossier (plan: KEDO). Forwarding a signal along the victim track creates it with the possible
/// victims' data only — never a suspect's. Only the victim-care coordinator, and accounts granted access to this one
/// dossier for a purpose until an end date, can open it. Closing it starts its retention term; then
/// <see cref="DossierPurge"/> deletes its content and leaves a receipt, as with signals.
/// </summary>
public sealed class VictimDossier : IAggregate, Infrastructure.Privacy.IDataKeyOwner, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    /// <summary>The audit log's object type for dossiers.</summary>
    public const string AuditObject = "victim-dossier";

    /// <summary>How changes to a dossier run (<see cref="AggregateChanges"/>).</summary>
    public static readonly AggregateKind<VictimDossier> Kind = new(AuditObject, "Dossier_ChangedByOther", (db, id, ct) => db.VictimDossiers.SingleOrDefaultAsync(d => d.Id == id, ct));

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The data key of this dossier's personal values; destroyed when its content is purged.</summary>
    public Guid? DataKeyId { get; set; }

    /// <summary>SD-{year}-{number}, the number of the signal it came from (at most one dossier per signal).</summary>
    public required string Reference { get; set; }

    public Guid SignalId { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public DossierClosureReason? ClosureReason { get; set; }

    /// <summary>Whether any of the possible victims is a minor, as far as known (shown to the coordinator, kept after purge).</summary>
    public bool InvolvesMinor { get; set; }

    /// <summary>B8 (Vreemdelingencirculaire): start of the reflection period, when relevant.</summary>
    public DateOnly? ReflectionPeriodStart { get; set; }

    public DateOnly? ReflectionPeriodEnd { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    // ---- personal content: deleted by the retention rule ----

    /// <summary>The coordinator's explanation of the closure.</summary>
    [Encrypted]
    public string? ClosureNote { get; set; }

    public List<DossierVictim> Victims { get; set; } = [];

    public List<DossierNote> Notes { get; set; } = [];

    public List<DossierConsent> Consents { get; set; } = [];

    public List<DossierPartner> Partners { get; set; } = [];

    public List<DossierAccessGrant> Grants { get; set; } = [];

    /// <summary>What the coordinator registers with CoMensha, one per possible victim.</summary>
    public List<ComenshaRegistration> Registrations { get; set; } = [];

    public DossierDeletionReceipt? DeletionReceipt { get; set; }

    public bool IsOpen => ClosedAt is null;

    /// <summary>The dossier reference that belongs to a signal reference: MR-2026-0042 → SD-2026-0042.</summary>
    public static string ReferenceFor(string signalReference) => "SD" + signalReference[signalReference.IndexOf('-', StringComparison.Ordinal)..];

    /// <summary>Dossiers with all their content (to show, purge or re-encrypt them), in split queries.</summary>
    public static IQueryable<VictimDossier> WithContent(IQueryable<VictimDossier> dossiers) => dossiers
        .Include(d => d.Victims).Include(d => d.Notes).Include(d => d.Consents).Include(d => d.Partners).Include(d => d.Grants).Include(d => d.Registrations)
        .AsSplitQuery();
}

public enum DossierClosureReason
{
    /// <summary>Care completed; the person no longer needs coordination.</summary>
    CareCompleted,

    /// <summary>Coordination taken over elsewhere (other municipality, national coordination).</summary>
    TransferredElsewhere,

    /// <summary>The person declined help.</summary>
    Declined,

    /// <summary>Contact lost.</summary>
    ContactLost,

    Other,
}

/// <summary>A possible victim, copied from the signal at forwarding. Personal data.</summary>
public sealed class DossierVictim : INamedSubject, Infrastructure.Privacy.IDossierPart, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DossierId { get; set; }

    [Encrypted]
    public string? NameOrDescription { get; set; }

    [Encrypted]
    public string? Age { get; set; }

    public Minor Minor { get; set; } = Minor.Unknown;

    [Encrypted]
    public string? Nationality { get; set; }

    [Encrypted]
    public string? Language { get; set; }

    [Encrypted]
    public string? ContactDetails { get; set; }

    public int SortOrder { get; set; }

    public string? SubjectHash { get; set; }
}

public enum DossierNoteKind
{
    /// <summary>Contact with the person (visit, call, meeting).</summary>
    ContactMoment,

    /// <summary>A note on the care given or arranged.</summary>
    CareNote,

    /// <summary>A balancing of interests before sharing (copied from the signal at forwarding, or recorded later).</summary>
    BalancingOfInterests,
}

/// <summary>A contact moment, care note or balancing record. The text is personal data.</summary>
public sealed class DossierNote : Infrastructure.Privacy.IDossierPart, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DossierId { get; set; }

    public DossierNoteKind Kind { get; set; }

    public DateOnly OccurredOn { get; set; }

    [Encrypted]
    public string? Text { get; set; }

    public required string RecordedById { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>Consent the person gave or refused, for a stated purpose (e.g. sharing with a care partner).</summary>
public sealed class DossierConsent : Infrastructure.Privacy.IDossierPart, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DossierId { get; set; }

    [Encrypted]
    public string? Purpose { get; set; }

    public bool Given { get; set; }

    public DateOnly RecordedOn { get; set; }

    public required string RecordedById { get; set; }
}

/// <summary>A partner from the registry involved in the care, with its part in words.</summary>
public sealed class DossierPartner : Infrastructure.Privacy.IDossierPart, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DossierId { get; set; }

    public int PartnerId { get; set; }

    [Encrypted]
    public string? Involvement { get; set; }

    public DateOnly Since { get; set; }
}

/// <summary>
/// Access for one account to this one dossier, for a purpose, until an end date (inclusive). Revoking ends it at once.
/// The partner it belongs to is named from the registry.
/// </summary>
public sealed class DossierAccessGrant : Infrastructure.Privacy.IDossierPart, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DossierId { get; set; }

    public required string UserId { get; set; }

    public int? PartnerId { get; set; }

    [Encrypted]
    public string? Purpose { get; set; }

    public DateOnly EndsOn { get; set; }

    public required string GrantedById { get; set; }

    public DateTimeOffset GrantedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActiveOn(DateOnly day) => RevokedAt is null && day <= EndsOn;
}

/// <summary>Proof that a dossier's content was deleted: when, by which rule, how many items of each kind.</summary>
public sealed class DossierDeletionReceipt
{
    public DateTimeOffset PurgedAt { get; set; }

    public required string Rule { get; set; }

    public int Victims { get; set; }

    public int Notes { get; set; }

    public int Consents { get; set; }

    public int Partners { get; set; }

    public int Grants { get; set; }

    /// <summary>CoMensha registrations deleted (after the other counts: receipts from before them say 0).</summary>
    public int Registrations { get; set; }

    public string Summary() => $"{Rule}: victims={Victims}, notes={Notes}, consents={Consents}, partners={Partners}, grants={Grants}, registrations={Registrations}";
}

internal sealed class VictimDossierConfiguration : IEntityTypeConfiguration<VictimDossier>
{
    public void Configure(EntityTypeBuilder<VictimDossier> builder)
    {
        builder.Property(d => d.Reference).HasMaxLength(20);
        builder.HasIndex(d => d.Reference).IsUnique();
        builder.HasIndex(d => d.SignalId).IsUnique();
        // The list (ListVictimDossiers), newest first: the open dossiers and the closed ones each from an index of its
        // own (partial: open dossiers stay few while closed ones pile up for years, and neither list reads past the
        // other's rows), beginning with the municipality, whose filter every query carries (ListPlanTests). Partial,
        // not (municipality, closed, opened): PostgreSQL does not read "closed IS NULL" as an equality that leaves the
        // index in the order of its next column, and would sort.
        builder.HasIndex(d => new { d.MunicipalityId, d.OpenedAt, d.Reference }, "IX_VictimDossiers_Open").HasFilter("\"ClosedAt\" IS NULL");
        builder.HasIndex(d => new { d.MunicipalityId, d.OpenedAt, d.Reference }, "IX_VictimDossiers_Closed").HasFilter("\"ClosedAt\" IS NOT NULL");
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property(d => d.ClosureNote).HasMaxLength(2_000);
        builder.Ignore(d => d.IsOpen);
        builder.HasOne<Signal>().WithMany().HasForeignKey(d => d.SignalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Victims).WithOne().HasForeignKey(v => v.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Notes).WithOne().HasForeignKey(v => v.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Consents).WithOne().HasForeignKey(v => v.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Partners).WithOne().HasForeignKey(v => v.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Grants).WithOne().HasForeignKey(v => v.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Registrations).WithOne().HasForeignKey(v => v.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsOne(d => d.DeletionReceipt, r => r.Property(x => x.Rule).HasMaxLength(100));
    }
}

internal sealed class DossierVictimConfiguration : IEntityTypeConfiguration<DossierVictim>
{
    public void Configure(EntityTypeBuilder<DossierVictim> builder)
    {
        builder.Property(p => p.NameOrDescription).HasMaxLength(500);
        builder.Property(p => p.Age).HasMaxLength(20);
        builder.Property(p => p.Nationality).HasMaxLength(100);
        builder.Property(p => p.Language).HasMaxLength(100);
        builder.Property(p => p.ContactDetails).HasMaxLength(500);
        builder.Property(p => p.SubjectHash).HasMaxLength(64);
        builder.HasIndex(p => p.SubjectHash);
    }
}

internal sealed class DossierNoteConfiguration : IEntityTypeConfiguration<DossierNote>
{
    public void Configure(EntityTypeBuilder<DossierNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(10_000);
        builder.Property(n => n.RecordedById).HasMaxLength(64);
    }
}

internal sealed class DossierConsentConfiguration : IEntityTypeConfiguration<DossierConsent>
{
    public void Configure(EntityTypeBuilder<DossierConsent> builder)
    {
        builder.Property(n => n.Purpose).HasMaxLength(1_000);
        builder.Property(n => n.RecordedById).HasMaxLength(64);
    }
}

internal sealed class DossierPartnerConfiguration : IEntityTypeConfiguration<DossierPartner>
{
    public void Configure(EntityTypeBuilder<DossierPartner> builder)
    {
        builder.Property(n => n.Involvement).HasMaxLength(1_000);
        builder.HasOne<Partners.Partner>().WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DossierAccessGrantConfiguration : IEntityTypeConfiguration<DossierAccessGrant>
{
    public void Configure(EntityTypeBuilder<DossierAccessGrant> builder)
    {
        builder.Property(g => g.UserId).HasMaxLength(64);
        builder.Property(g => g.GrantedById).HasMaxLength(64);
        builder.Property(g => g.Purpose).HasMaxLength(1_000);
        builder.HasIndex(g => new { g.UserId, g.DossierId });
    }
}
