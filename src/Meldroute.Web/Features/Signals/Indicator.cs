using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Signals;

/// <summary>A recognised indicator of exploitation, for the intake checklist (reference data, seeded from indicators.csv).</summary>
public sealed class Indicator
{
    /// <summary>Code such as L01; G-codes apply to every form.</summary>
    public required string Code { get; set; }

    /// <summary>The form it belongs to, or <see cref="ExploitationForms.None"/> for "any form".</summary>
    public ExploitationForms Form { get; set; }

    public required string TextNl { get; set; }

    public required string TextEn { get; set; }

    public bool Active { get; set; } = true;

    public string Text(bool english) => english ? TextEn : TextNl;
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.HasKey(i => i.Code);
        builder.Property(i => i.Code).HasMaxLength(10);
        builder.Property(i => i.TextNl).HasMaxLength(500);
        builder.Property(i => i.TextEn).HasMaxLength(500);
    }
}
