using Meldroute.Web.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Meldroute.Web.Infrastructure.Data;

namespace Meldroute.Web.Features.Partners;

public enum PartnerKind
{
    Internal,
    External,
    Stakeholder,
}

/// <summary>The columns of Table 1 of the plan: what a partner does in the approach.</summary>
[Flags]
public enum PartnerRoles
{
    None = 0,
    Policy = 1,
    Prevention = 2,
    Signalling = 4,
    InvestigationProsecution = 8,
    Aftercare = 16,
}

/// <summary>A partner in the network against human trafficking (ketenpartner), internal or external.</summary>
public sealed class Partner : IVersioned
{
    public int Id { get; set; }

    /// <summary>
    /// Null for a partner the installation's municipalities share (their region's network, the default); otherwise the one
    /// municipality that keeps it for itself (<c>Meldroute:PartnersPerMunicipality</c>). The context stamps and filters it.
    /// </summary>
    public int? MunicipalityId { get; set; }

    public required string Name { get; set; }

    public PartnerKind Kind { get; set; }

    public PartnerRoles Roles { get; set; }

    public ExploitationForms Forms { get; set; }

    /// <summary>Order of the row in Table 1 of the plan.</summary>
    public int SortOrder { get; set; }

    public List<PartnerWorkProcess> WorkProcesses { get; set; } = [];

    /// <summary>Contact persons for the care map: business contact data, shown to signed-in staff only.</summary>
    public List<PartnerContact> Contacts { get; set; } = [];

    public DateTimeOffset? UpdatedAt { get; set; }

    public string? UpdatedById { get; set; }

    /// <summary>
    /// An archived partner is offered for no new route and left off the care map, but stays on the decisions, hand-overs
    /// and dossiers that name it: a partner is never deleted.
    /// </summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    public bool IsArchived => ArchivedAt is not null;

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A contact person at a partner (zorgkaart): name, function, phone, e-mail and when they can be reached.</summary>
public sealed class PartnerContact
{
    public int Id { get; set; }

    public int PartnerId { get; set; }

    public required string Name { get; set; }

    public string? Function { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Availability { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>One change of a partner, for the change list on its page (the audit log holds the same event).</summary>
public sealed class PartnerChange
{
    public long Id { get; set; }

    public int PartnerId { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string? ChangedById { get; set; }

    /// <summary>Who changed it, as shown on the page (the account's display name or e-mail at the time).</summary>
    public string? ChangedByName { get; set; }

    /// <summary>Comma-separated codes of what changed (Created, Name, Kind, Roles, Forms, Contacts, WorkProcesses, Routes, Archived).</summary>
    public required string Fields { get; set; }

    /// <summary>The changed fields' values before the change, as JSON (null for a new partner).</summary>
    public string? Before { get; set; }

    /// <summary>The changed fields' values after the change, as JSON.</summary>
    public string? After { get; set; }
}

/// <summary>A work process of a partner (Table 2 of the plan).</summary>
public sealed class PartnerWorkProcess
{
    public int Id { get; set; }

    public int PartnerId { get; set; }

    public required string Description { get; set; }

    public int SortOrder { get; set; }
}

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(300);
        // A name is unique among the partners a municipality sees (shared and its own; checked on every save); two
        // municipalities may each keep a partner of the same name.
        builder.HasIndex(p => new { p.MunicipalityId, p.Name }).IsUnique();
        builder.HasMany(p => p.WorkProcesses).WithOne().HasForeignKey(w => w.PartnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Contacts).WithOne().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.UpdatedById).HasMaxLength(64);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class PartnerContactConfiguration : IEntityTypeConfiguration<PartnerContact>
{
    public void Configure(EntityTypeBuilder<PartnerContact> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(PartnerNetwork.ShortMax);
        builder.Property(c => c.Function).HasMaxLength(PartnerNetwork.ShortMax);
        builder.Property(c => c.Phone).HasMaxLength(PartnerNetwork.PhoneMax);
        builder.Property(c => c.Email).HasMaxLength(PartnerNetwork.ShortMax);
        builder.Property(c => c.Availability).HasMaxLength(PartnerNetwork.ShortMax);
    }
}

internal sealed class PartnerChangeConfiguration : IEntityTypeConfiguration<PartnerChange>
{
    public void Configure(EntityTypeBuilder<PartnerChange> builder)
    {
        builder.HasOne<Partner>().WithMany().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.PartnerId, c.ChangedAt });
        builder.Property(c => c.ChangedById).HasMaxLength(64);
        builder.Property(c => c.ChangedByName).HasMaxLength(256);
        builder.Property(c => c.Fields).HasMaxLength(200);
        builder.Property(c => c.Before).HasMaxLength(100_000);
        builder.Property(c => c.After).HasMaxLength(100_000);
    }
}

internal sealed class PartnerWorkProcessConfiguration : IEntityTypeConfiguration<PartnerWorkProcess>
{
    public void Configure(EntityTypeBuilder<PartnerWorkProcess> builder) => builder.Property(w => w.Description).HasMaxLength(1000);
}
