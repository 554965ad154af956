using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Meldroute.Web.Infrastructure.Data;

namespace Meldroute.Web.Features.Framework;

public enum BlockStatus
{
    Meets,
    Partly,
    DoesNotMeet,
}

/// <summary>
/// A building block (bouwsteen) of the VNG Kader aanpak mensenhandel (2021): reference data from vng-kader.csv, with the
/// municipality's own assessment: does it meet it, why (not), which agenda activities work on it, and whether a shortfall
/// is for lack of national funding ("geen knaken, geen taken").
/// </summary>
public sealed class BuildingBlock : IVersioned, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public int Id { get; set; }

    public required string Theme { get; set; }

    /// <summary>1: the basis for every municipality; 2: deepening.</summary>
    public int Plateau { get; set; }

    public required string Name { get; set; }

    public string? Source { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Not yet assessed while null.</summary>
    public BlockStatus? Status { get; set; }

    public string? Explanation { get; set; }

    public bool LacksNationalFunding { get; set; }

    public List<BuildingBlockActivity> Activities { get; set; } = [];

    public DateTimeOffset? UpdatedAt { get; set; }

    public string? UpdatedById { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>An agenda activity that works on a building block.</summary>
public sealed class BuildingBlockActivity : IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public int BuildingBlockId { get; set; }

    public int ActivityId { get; set; }
}

internal sealed class BuildingBlockConfiguration : IEntityTypeConfiguration<BuildingBlock>
{
    public void Configure(EntityTypeBuilder<BuildingBlock> builder)
    {
        builder.Property(b => b.Theme).HasMaxLength(200);
        builder.Property(b => b.Name).HasMaxLength(500);
        builder.HasIndex(b => new { b.MunicipalityId, b.Name }).IsUnique();
        builder.Property(b => b.Source).HasMaxLength(200);
        builder.Property(b => b.Explanation).HasMaxLength(UpdateBuildingBlock.ExplanationMax);
        builder.Property(b => b.UpdatedById).HasMaxLength(64);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasMany(b => b.Activities).WithOne().HasForeignKey(a => a.BuildingBlockId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BuildingBlockActivityConfiguration : IEntityTypeConfiguration<BuildingBlockActivity>
{
    public void Configure(EntityTypeBuilder<BuildingBlockActivity> builder)
    {
        builder.HasKey(a => new { a.BuildingBlockId, a.ActivityId });
        builder.HasOne<Agenda.AgendaActivity>().WithMany().HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}
