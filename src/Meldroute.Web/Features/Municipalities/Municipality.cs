using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Municipalities;

/// <summary>
/// A municipality served by this installation. It owns its departments, accounts, signals and everything under them,
/// meetings, victim dossiers, agenda, framework checklist, training records, figures and audit events: each of those
/// rows carries its <see cref="IMunicipalityOwned.MunicipalityId"/>, and every query sees only the rows of the signed-in
/// account's municipality (<see cref="MunicipalityScope"/>, applied by the context's query filters). Partners, the care
/// map and the indicator lists are the installation's, shared by the region it serves (docs/architecture.md).
/// </summary>
public sealed class Municipality
{
    public int Id { get; set; }

    /// <summary>As it is shown, e.g. "Gemeente Haarlemmermeer".</summary>
    public required string Name { get; set; }

    /// <summary>The CBS code, e.g. "GM0394"; unknown for the municipality an upgrade made from the single-municipality setting.</summary>
    public string? Code { get; set; }

    /// <summary>The (safety) region it works in, e.g. "Kennemerland".</summary>
    public string? Region { get; set; }

    /// <summary>The municipality an upgrade made for the rows of a single-municipality installation; named by <c>Meldroute:MunicipalityName</c>.</summary>
    public const int FirstId = 1;

    /// <summary>CBS codes are "GM" and four digits.</summary>
    public static bool IsCode(string? code) =>
        code is { Length: 6 } && code.StartsWith("GM", StringComparison.Ordinal) && code[2..].All(char.IsAsciiDigit);
}

/// <summary>A row that belongs to one municipality. The context stamps new rows with the current municipality and filters every query by it.</summary>
public interface IMunicipalityOwned
{
    int MunicipalityId { get; set; }
}

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Code).HasMaxLength(6);
        builder.Property(m => m.Region).HasMaxLength(200);
        builder.HasIndex(m => m.Code).IsUnique();
        builder.HasIndex(m => m.Name).IsUnique();
    }
}
