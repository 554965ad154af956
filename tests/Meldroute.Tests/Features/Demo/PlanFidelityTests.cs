using System.Globalization;
using System.Text.RegularExpressions;
using Meldroute.Web.Features.Partners;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;

namespace Meldroute.Tests.Features.Demo;

/// <summary>
/// The reference and demo data the app ships (Seed/*.csv, read as the seeder reads them) says what the plan van aanpak
/// says: the partners of Table 1 and those its text names, on the routes the text gives them, so that the care map
/// (which filters the route registry by form with <see cref="RouteSuggestions.PartnersFor"/>) shows them; the
/// implementation agenda as sections 8 and 12 describe it, linked to the VNG framework's themes; the departments.
/// </summary>
[Trait("Category", "Domain")]
public sealed partial class PlanFidelityTests
{
    private static readonly ExploitationForms[] AllForms = [ExploitationForms.Sexual, ExploitationForms.Labour, ExploitationForms.Criminal];

    private static readonly Dictionary<string, Partner> Partners =
        SeedData.Read("partners.csv").Select((row, i) => PartnerCsv.FromRow(row, i + 1)).ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>The route registry as the care map reads it: each row of partner-routes.csv with its partner's forms.</summary>
    private static readonly List<RegistryPartner> Registry = [.. SeedData.Read("partner-routes.csv").Select(row =>
    {
        var partner = Partners[row["partner"]];
        return new RegistryPartner(partner.SortOrder, partner.Name, partner.Forms, Enum.Parse<Route>(row["route"]), row["default"] == "yes");
    })];

    private static readonly List<Dictionary<string, string>> Agenda = SeedData.Read("agenda.csv");

    private const string Basisteam = "Politie / basisteam Haarlemmermeer";
    private const string Kmar = "Koninklijke Marechaussee / Sluisteam";
    private const string Reclassering = "Reclassering Nederland";
    private const string NlaReportingPoint = "Nederlandse Arbeidsinspectie (NLA) / meldpunt arbeidsuitbuiting";

    private static List<string> OnCareMap(Route route, ExploitationForms form) => [.. RouteSuggestions.PartnersFor(route, form, Registry).Select(p => p.Name)];

    [Fact]
    public void The_police_basisteam_takes_every_form_and_is_the_police_route_s_first_contact_on_the_care_map()
    {
        // Section 9: the basisteam passes every signal that may point to human trafficking on to TMM, and to HVO-Querido
        // when a victim needs care; section 3.4: the police registered signals of all three forms in Haarlemmermeer.
        Assert.Equal(ExploitationForms.Sexual | ExploitationForms.Labour | ExploitationForms.Criminal, Partners[Basisteam].Forms);
        Assert.True(Partners[Basisteam].Roles.HasFlag(PartnerRoles.Signalling));
        foreach (var form in AllForms)
        {
            Assert.Equal(Basisteam, OnCareMap(Route.Police, form)[0]);
        }

        // Section 7: the repressive approach is the police/TMM's, the NLA's, the KMar/Sluisteam's and the OM's; Table 2
        // gives the KMar the police tasks at Schiphol.
        Assert.All(AllForms, form => Assert.Contains(Kmar, OnCareMap(Route.Police, form)));
        Assert.All(AllForms, form => Assert.Contains("Politie / afdeling Migratiecriminaliteit en Mensenhandel (TMM)", OnCareMap(Route.Police, form)));
    }

    [Fact]
    public void The_partners_the_text_names_beside_table_1_are_in_the_registry_and_on_the_routes_the_text_gives_them()
    {
        // Section 9: Reclassering Nederland is involved in preventing reoffending, beside the Zorg- en Veiligheidshuis.
        Assert.All(AllForms, form => Assert.Contains(Reclassering, OnCareMap(Route.PerpetratorTrack, form)));

        // Section 9: the national reporting points for residents and businesses; the NLA's takes labour exploitation and
        // section 8 sends those signals to the NLA, so its reporting point is on the NLA's route after the NLA itself.
        Assert.Equal(["Nederlandse Arbeidsinspectie (NLA)", NlaReportingPoint], OnCareMap(Route.LabourInspectorate, ExploitationForms.Labour));
        Assert.Equal(ExploitationForms.Labour, Partners[NlaReportingPoint].Forms);
        foreach (var point in new[] { "Meld Misdaad Anoniem (MMA)", "CoMensha" })
        {
            Assert.Equal(ExploitationForms.Sexual | ExploitationForms.Labour | ExploitationForms.Criminal, Partners[point].Forms);
            Assert.Equal(PartnerRoles.Signalling, Partners[point].Roles);
            Assert.Equal(PartnerKind.External, Partners[point].Kind);
        }

        // Table 1 and sections 3.5 and 7: the KMar's Sluisteam.
        Assert.Equal(ExploitationForms.Sexual | ExploitationForms.Labour | ExploitationForms.Criminal, Partners[Kmar].Forms);
    }

    [Fact]
    public void Every_partner_on_a_route_shows_on_the_care_map_for_a_form_and_every_route_with_a_partner_has_a_first_contact()
    {
        // A route partner without a form is filtered out of every care map (what happened to the basisteam).
        Assert.All(Registry, p => Assert.NotEqual(ExploitationForms.None, p.Forms));
        Assert.All(Registry.GroupBy(p => p.Route), g => Assert.Single(g, p => p.IsDefault));
        Assert.All(SeedData.Read("partner-contacts.csv"), c => Assert.True(Partners.ContainsKey(c["partner"]), c["partner"]));
    }

    [Fact]
    public void The_demo_contacts_are_recognisably_fictitious()
    {
        Assert.All(SeedData.Read("partner-contacts.csv"), c =>
        {
            Assert.StartsWith("Demo ", c["name"], StringComparison.Ordinal);
            Assert.EndsWith("voorbeeld.test", c["email"], StringComparison.Ordinal);
            Assert.Matches(DemoPhone(), c["phone"]);
        });
    }

    [Fact]
    public void The_labour_pilot_names_the_partners_of_section_8_and_Weerbare_Jeugd_is_a_running_project_of_Noord_Holland_Veilig()
    {
        // Section 8 (decision): a pilot in public-private partnership with the NLA, NHV, Scharlaken Koord, PVO and business.
        var pilot = Agenda.Single(a => a["title"] == "Pilot preventie arbeidsuitbuiting");
        foreach (var partner in new[] { "NLA", "Noord-Holland Veilig", "Scharlaken Koord", "Platform Veilig Ondernemen (PVO)", "bedrijfsleven" })
        {
            Assert.Contains(partner, pilot["partners"], StringComparison.Ordinal);
        }

        // Preventie met Gezag is one of the things level 1 keeps (section 12.1.1), not a partner in this pilot.
        Assert.DoesNotContain("Preventie met Gezag", pilot["description"] + pilot["partners"], StringComparison.OrdinalIgnoreCase);

        // Section 8: "Verder nemen wij deel aan de regionale projecten rond het thema 'Weerbare jeugd'" and "het project
        // Weerbare Jeugd van NHV", for criminal exploitation of young people; a current project within the plan's years.
        var weerbare = Agenda.Single(a => a["title"] == "Weerbare Jeugd");
        Assert.Equal("Running", weerbare["status"]);
        Assert.True(int.Parse(weerbare["level"], CultureInfo.InvariantCulture) <= 2);
        Assert.Contains("Noord-Holland Veilig", weerbare["partners"], StringComparison.Ordinal);
        Assert.Contains("Criminal", weerbare["forms"], StringComparison.Ordinal);
        Assert.True(DateOnly.Parse(weerbare["start"], CultureInfo.InvariantCulture).Year <= 2024);
        Assert.Equal(2026, DateOnly.Parse(weerbare["end"], CultureInfo.InvariantCulture).Year);

        // Section 12: level 3 waits for the evaluation in 2027 and for money the state does not give: not funded.
        Assert.All(Agenda.Where(a => a["level"] is "3" or "4"), a =>
        {
            Assert.Equal("NotFunded", a["status"]);
            Assert.True(DateOnly.Parse(a["start"], CultureInfo.InvariantCulture).Year >= 2027, a["title"]);
        });
    }

    [Fact]
    public void Every_building_block_an_agenda_activity_names_is_a_theme_of_the_vng_framework_checklist()
    {
        var themes = SeedData.Read("vng-kader.csv").Select(b => b["theme"]).ToHashSet(StringComparer.Ordinal);

        // The framework's themes as the plan's goals (section 6) name them.
        Assert.Equal(["Beleidsmatige basis", "Bewustwording", "Opvang en hulpverlening", "Samenwerking in keten en regio", "Signalerend vermogen"], themes.Order(StringComparer.Ordinal));
        Assert.All(Agenda, a => Assert.All(a["building_blocks"].Split(';', StringSplitOptions.TrimEntries), b => Assert.Contains(b, themes)));
    }

    [Fact]
    public void The_departments_are_those_the_plan_names()
    {
        var departments = SeedData.Read("departments.csv").Select(d => d["name"]).ToList();

        // Table 2: signalling by "leerplichtambtenaren, Centrum voor Jeugd en gezin, sociale recherche, burgerzaken,
        // consulenten sociale dienst en andere".
        Assert.Contains("Sociale recherche", departments);
        Assert.Contains("Leerplicht", departments);
        Assert.Contains("Centrum Jeugd en Gezin", departments);
        Assert.DoesNotContain(departments, d => d.Contains("Vergunningen", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A fictitious number: zeros where the subscriber number would be (e.g. 020 000 0001, 0800 000 0005).</summary>
    [GeneratedRegex(@"^0\d{2,3} 000 000\d$")]
    private static partial Regex DemoPhone();
}
