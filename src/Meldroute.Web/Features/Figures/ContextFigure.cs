using Meldroute.Web.Features.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Figures;

/// <summary>
/// A figure from outside Meldroute shown beside the municipality's own (plan section 3.4): police, labour
/// inspectorate, care coordinators, the national estimate. Aggregates only; never personal data.
/// </summary>
public sealed class ContextFigure : IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public int Id { get; set; }

    public required string Source { get; set; }

    public required string Area { get; set; }

    public int? Year { get; set; }

    /// <summary>all, sexual, labour or criminal.</summary>
    public required string Form { get; set; }

    public required string Measure { get; set; }

    public long Value { get; set; }

    public string? Note { get; set; }
}

public sealed record ContextFigureView(string Source, string Area, int? Year, string Form, string Measure, long Value, string? Note);

internal sealed class ContextFigureConfiguration : IEntityTypeConfiguration<ContextFigure>
{
    public void Configure(EntityTypeBuilder<ContextFigure> builder)
    {
        builder.Property(f => f.Source).HasMaxLength(300);
        builder.Property(f => f.Area).HasMaxLength(300);
        builder.Property(f => f.Form).HasMaxLength(20);
        builder.Property(f => f.Measure).HasMaxLength(300);
        builder.Property(f => f.Note).HasMaxLength(500);
    }
}
