using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Meldroute.Web.Infrastructure.Data;

namespace Meldroute.Web.Features.Agenda;

/// <summary>The six goals of the plan (section 6) that an agenda activity can serve.</summary>
[Flags]
public enum PlanGoals
{
    None = 0,
    PolicyBasis = 1,
    SignallingCapacity = 2,
    Awareness = 4,
    ChainCooperation = 8,
    VictimCare = 16,
    Enforcement = 32,
}

public enum AgendaStatus
{
    Planned,
    Running,
    Done,
    Stopped,
    NotFunded,
}

/// <summary>One activity of the implementation agenda (uitvoeringsagenda, appendix 1 of the plan).</summary>
public sealed class AgendaActivity : IVersioned, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public int Id { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public PlanGoals Goals { get; set; }

    public ExploitationForms Forms { get; set; }

    public string? OwnerDepartment { get; set; }

    /// <summary>The partners involved, as text (they need not all be in the partner registry).</summary>
    public string? Partners { get; set; }

    /// <summary>Investment level of the growth model (plan section 12), 1 to 4.</summary>
    public int Level { get; set; } = 1;

    /// <summary>The VNG framework building block(s) the activity works on, as text.</summary>
    public string? BuildingBlocks { get; set; }

    public DateOnly? PlannedStart { get; set; }

    public DateOnly? PlannedEnd { get; set; }

    public AgendaStatus Status { get; set; }

    public List<AgendaProgressNote> Notes { get; set; } = [];

    public DateTimeOffset? UpdatedAt { get; set; }

    public string? UpdatedById { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A progress note on an activity, with an optional link to the evidence (a document in the municipality's DMS).</summary>
public sealed class AgendaProgressNote : IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public long Id { get; set; }

    public int ActivityId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string? RecordedByName { get; set; }

    public required string Text { get; set; }

    public string? EvidenceUrl { get; set; }
}

internal sealed class AgendaActivityConfiguration : IEntityTypeConfiguration<AgendaActivity>
{
    public void Configure(EntityTypeBuilder<AgendaActivity> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(AgendaActivityRules.TitleMax);
        builder.Property(a => a.Description).HasMaxLength(AgendaActivityRules.TextMax);
        builder.Property(a => a.OwnerDepartment).HasMaxLength(AgendaActivityRules.ShortMax);
        builder.Property(a => a.Partners).HasMaxLength(AgendaActivityRules.ShortMax * 5);
        builder.Property(a => a.BuildingBlocks).HasMaxLength(AgendaActivityRules.ShortMax * 5);
        builder.Property(a => a.UpdatedById).HasMaxLength(64);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.Status, a.PlannedEnd });
        builder.HasMany(a => a.Notes).WithOne().HasForeignKey(n => n.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgendaProgressNoteConfiguration : IEntityTypeConfiguration<AgendaProgressNote>
{
    public void Configure(EntityTypeBuilder<AgendaProgressNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(AgendaActivityRules.TextMax);
        builder.Property(n => n.EvidenceUrl).HasMaxLength(1000);
        builder.Property(n => n.RecordedByName).HasMaxLength(256);
    }
}
