using Meldroute.Web.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
public sealed class Partner
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public PartnerKind Kind { get; set; }

    public PartnerRoles Roles { get; set; }

    public ExploitationForms Forms { get; set; }

    /// <summary>Order of the row in Table 1 of the plan.</summary>
    public int SortOrder { get; set; }

    public List<PartnerWorkProcess> WorkProcesses { get; set; } = [];
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
        builder.HasIndex(p => p.Name).IsUnique();
        builder.HasMany(p => p.WorkProcesses).WithOne().HasForeignKey(w => w.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnerWorkProcessConfiguration : IEntityTypeConfiguration<PartnerWorkProcess>
{
    public void Configure(EntityTypeBuilder<PartnerWorkProcess> builder) => builder.Property(w => w.Description).HasMaxLength(1000);
}
