using System.Globalization;
using Meldroute.Web.Infrastructure.Data;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>
/// The nationality group of a country for anonymised figures: the Netherlands, the EU/EEA and Switzerland (free movement),
/// the rest of Europe, and the other continents (UN M49). The groups NRM and CoMensha report on.
/// </summary>
public enum NationalityGroup
{
    NL,
    EU,
    EuropeOther,
    Africa,
    Asia,
    Americas,
    Oceania,
    Stateless,
    Unknown,
}

/// <summary>One country of ISO 3166-1 (alpha-2) with its Dutch and English name and its <see cref="NationalityGroup"/>.</summary>
public sealed record Country(string Code, string DutchName, string EnglishName, NationalityGroup Group)
{
    public string Name(CultureInfo culture) => culture.TwoLetterISOLanguageName == "nl" ? DutchName : EnglishName;
}

/// <summary>
/// The countries a nationality or a country of origin is chosen from (Seed/countries.csv): ISO 3166-1 alpha-2, the
/// codes HTCDS's prs_Nationality uses, with Kosovo as XK and without Antarctica; the names from Debian's iso-codes.
/// Nationals of the Dutch Caribbean (AW, CW, SX, BQ) are Dutch and group with NL; nationals of the French, Danish and
/// Finnish overseas or autonomous parts group with the EU. Besides a country a nationality can be
/// <see cref="Stateless"/> or <see cref="Unknown"/>.
/// </summary>
public static class Countries
{
    public const string Stateless = "stateless";

    public const string Unknown = "unknown";

    public static readonly IReadOnlyList<Country> All = [.. SeedData.Read("countries.csv").Select(row =>
        new Country(row["code"], row["name_nl"], row["name_en"], Enum.Parse<NationalityGroup>(row["group"])))];

    private static readonly Dictionary<string, Country> ByCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static bool IsCountry(string? code) => code is not null && ByCode.ContainsKey(code);

    /// <summary>A value a nationality may have: a country's code, stateless or unknown.</summary>
    public static bool IsNationality(string? code) => code is Stateless or Unknown || IsCountry(code);

    /// <summary>A value a country of origin may have: a country's code or unknown.</summary>
    public static bool IsOrigin(string? code) => code is Unknown || IsCountry(code);

    public static NationalityGroup GroupOf(string? nationality) => nationality switch
    {
        Stateless => NationalityGroup.Stateless,
        _ when nationality is not null && ByCode.TryGetValue(nationality, out var country) => country.Group,
        _ => NationalityGroup.Unknown,
    };

    /// <summary>The name to show: the country's name in the culture, or "staatloos"/"onbekend" from the resources (<paramref name="special"/>).</summary>
    public static string NameOf(string? code, CultureInfo culture, Func<string, string> special) =>
        code is not null && ByCode.TryGetValue(code, out var country) ? country.Name(culture) : special(code == Stateless ? Stateless : Unknown);

    /// <summary>The countries sorted by their name in the culture, for a list to choose from.</summary>
    public static IEnumerable<Country> Sorted(CultureInfo culture) => All.OrderBy(c => c.Name(culture), StringComparer.Create(culture, ignoreCase: true));
}
