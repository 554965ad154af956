using System.Globalization;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Features.VictimDossiers;

namespace Meldroute.Web.Features.CaseData;

/// <summary>
/// The columns of the anonymised case export and how each generalises (issue 21 item 5), aligned with the UN Migration
/// Human Trafficking Case Data Standard (HTCDS, github.com/UNMigration/HTCDS: "Field Definitions.md", "HTCDS Field
/// Reference.md" and the toolkit's XForm). Field names and value names are HTCDS's where it has them:
/// <list type="bullet">
/// <item><c>cas_IncomingReferralDate</c> (Case): the month the signal was received or the dossier opened, as yyyy-MM;</item>
/// <item><c>vic_TypeOfExploitation</c> (Person Victim Context, multiselect, ';' between values as in Salesforce):
/// SexualExploitation, ForcedLabour, IllicitActivities (criminal exploitation), OrganRemoval;</item>
/// <item><c>vic_TypeOfSexExploitation</c>: Prostitution, Pornography, RemoteInteractiveServices; <c>vic_TypeOfLabourExploitation</c>:
/// Agriculture, Begging, Construction, DomesticWork, Hospitality, IllicitActivities, Manufacturing, Transportation, Other;</item>
/// <item><c>prs_Gender</c> (Person): Male, Female, Transgender/NonConforming, Unknown.</item>
/// </list>
/// HTCDS has no field for an age group, a nationality group or a referral route (its prs_Nationality is an exact ISO
/// code, its cas_ReferredOrganisation names an organisation; both would single people out in a municipality's
/// numbers): those are Meldroute's own, prefixed <c>mr_</c>, as is <c>mr_RecordType</c> (Signal: one signal, the case
/// as the municipality received it; Victim: one possible victim in a victim dossier). No names, no free text, no exact
/// dates or places, no references.
/// </summary>
public static class HtcdsCase
{
    public const string Withheld = "Withheld";

    public const string Unknown = "Unknown";

    public const string SignalRecord = "Signal";

    public const string VictimRecord = "Victim";

    /// <summary>The columns in order, each a quasi-identifier with its generalisation; the period goes no further than the year, so a year filter keeps whole groups.</summary>
    public static readonly IReadOnlyList<QuasiIdentifier> Columns =
    [
        new("mr_RecordType", 0, (v, _) => v),
        new("cas_IncomingReferralDate", 2, Period),
        new("vic_TypeOfExploitation", 1, ValueOrWithheld),
        new("vic_TypeOfSexExploitation", 1, ValueOrWithheld),
        new("vic_TypeOfLabourExploitation", 1, ValueOrWithheld),
        new("mr_AgeGroup", 2, Age),
        new("prs_Gender", 1, ValueOrWithheld),
        new("mr_NationalityGroup", 2, Nationality),
        new("mr_ReferralRoutes", 2, Routes),
    ];

    /// <summary>What each level of each column means, for the export's explanation.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> LevelNames =
    [
        ["value"],
        ["month", "quarter", "year"],
        ["value", "withheld"],
        ["value", "withheld"],
        ["value", "withheld"],
        ["age-group", "minor-or-adult", "withheld"],
        ["value", "withheld"],
        ["nationality-group", "nl-eu-or-other", "withheld"],
        ["routes", "referred-or-not", "withheld"],
    ];

    /// <summary>The column of the period, by which the export is filtered.</summary>
    public const int PeriodColumn = 1;

    /// <summary>A signal: its anonymous remains only (what is kept after forwarding or purging).</summary>
    public static string[] SignalRow(int receivedMonth, ExploitationForms forms, bool involvesMinor, IEnumerable<Route> routes) =>
    [
        SignalRecord,
        Month(receivedMonth / 100, receivedMonth % 100),
        Forms(ComenshaRules.FromSignal(forms)),
        "",
        "",
        involvesMinor ? "Minor" : Unknown,
        Unknown,
        nameof(NationalityGroup.Unknown),
        RouteSet(routes),
    ];

    /// <summary>A possible victim in a dossier: from the CoMensha registration when there is one, else from the dossier and its signal.</summary>
    public static string[] VictimRow(DateTimeOffset openedAt, ComenshaForms forms, ExploitationSector sector, string ageGroup, Gender gender, NationalityGroup nationality, IEnumerable<Route> routes) =>
    [
        VictimRecord,
        Month(openedAt.Year, openedAt.Month),
        Forms(forms),
        SexSector(sector),
        LabourSector(sector),
        ageGroup,
        GenderValue(gender),
        nationality.ToString(),
        RouteSet(routes),
    ];

    /// <summary>The age group of level 0: the registration's group, or from the dossier only minor, adult or unknown.</summary>
    public static string AgeValue(AgeGroup group) => group switch
    {
        AgeGroup.Under12 => "0-11",
        AgeGroup.Age12To15 => "12-15",
        AgeGroup.Age16To17 => "16-17",
        AgeGroup.Age18To23 => "18-23",
        AgeGroup.Age24To29 => "24-29",
        AgeGroup.Age30To39 => "30-39",
        AgeGroup.Age40To49 => "40-49",
        AgeGroup.Age50Plus => "50+",
        _ => Unknown,
    };

    public static string AgeValue(Minor minor) => minor switch
    {
        Minor.Yes => "Minor",
        Minor.No => "Adult",
        _ => Unknown,
    };

    /// <summary>The year a row's period (at any level) falls in.</summary>
    public static int YearOf(string period) => int.Parse(period.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);

    public static string Forms(ComenshaForms forms)
    {
        var names = ComenshaRules.Split(forms).Select(f => f switch
        {
            ComenshaForms.Sexual => "SexualExploitation",
            ComenshaForms.Labour => "ForcedLabour",
            ComenshaForms.Criminal => "IllicitActivities",
            _ => "OrganRemoval",
        }).ToList();
        return names.Count == 0 ? Unknown : string.Join(';', names);
    }

    public static string SexSector(ExploitationSector sector) => sector switch
    {
        ExploitationSector.WindowProstitution or ExploitationSector.ClubOrBrothel or ExploitationSector.HomeProstitution
            or ExploitationSector.Escort or ExploitationSector.StreetProstitution or ExploitationSector.HotelProstitution => "Prostitution",
        ExploitationSector.OnlineSexualServices => "RemoteInteractiveServices",
        ExploitationSector.Pornography => "Pornography",
        _ => "",
    };

    public static string LabourSector(ExploitationSector sector) => sector switch
    {
        ExploitationSector.Agriculture => "Agriculture",
        ExploitationSector.DomesticWork => "DomesticWork",
        ExploitationSector.Hospitality => "Hospitality",
        ExploitationSector.Manufacturing => "Manufacturing",
        ExploitationSector.Construction => "Construction",
        ExploitationSector.TransportAndStorage => "Transportation",
        ExploitationSector.WholesaleAndRetail or ExploitationSector.OtherLabour => "Other",
        ExploitationSector.Begging => "Begging",
        ExploitationSector.Drugs or ExploitationSector.TheftOrShoplifting or ExploitationSector.FraudOrMoneyMule or ExploitationSector.OtherCriminal => "IllicitActivities",
        _ => "",
    };

    public static string GenderValue(Gender gender) => gender switch
    {
        Gender.Female => "Female",
        Gender.Male => "Male",
        Gender.TransgenderOrNonConforming => "Transgender/NonConforming",
        _ => Unknown,
    };

    private static string Month(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}");

    private static string RouteSet(IEnumerable<Route> routes)
    {
        var set = routes.Distinct().Order().ToList();
        return set.Count == 0 ? "None" : string.Join(';', set);
    }

    // A value that does not apply ("") stays empty at every level: there is nothing to withhold.
    private static string ValueOrWithheld(string value, int level) => level == 0 || value.Length == 0 ? value : Withheld;

    private static string Period(string month, int level) => level switch
    {
        0 => month,
        1 => string.Create(CultureInfo.InvariantCulture, $"{month[..4]}-Q{(int.Parse(month.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture) + 2) / 3}"),
        _ => month[..4],
    };

    private static string Age(string value, int level) => level switch
    {
        0 => value,
        1 => value switch
        {
            "0-11" or "12-15" or "16-17" or "Minor" => "Minor",
            Unknown => Unknown,
            _ => "Adult",
        },
        _ => Withheld,
    };

    private static string Nationality(string value, int level) => level switch
    {
        0 => value,
        1 => value is nameof(NationalityGroup.NL) or nameof(NationalityGroup.EU) or nameof(NationalityGroup.Unknown) ? value : "NonEU",
        _ => Withheld,
    };

    private static string Routes(string value, int level) => level switch
    {
        0 => value,
        1 => value switch
        {
            "None" => "None",
            nameof(Route.NoFurtherAction) => nameof(Route.NoFurtherAction),
            _ => "Referred",
        },
        _ => Withheld,
    };
}
