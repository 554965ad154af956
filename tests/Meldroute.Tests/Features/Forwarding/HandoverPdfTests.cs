using System.Globalization;
using Meldroute.Web.Features.Forwarding;
using Meldroute.Web.Features.Signals;
using Meldroute.Web;
using Meldroute.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace Meldroute.Tests.Features.Forwarding;

[Trait("Category", "Domain")]
public sealed class HandoverPdfTests
{
    // The app's own Dutch texts, as the pages get them.
    private static readonly IStringLocalizer T = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    private static HandoverSheet Sheet(string? summary = "Drie vrouwen wonen boven de salon en werken er dag en nacht.", string? reporterWords = null, string victim = "Anna de Vries") => new(
        SignalId: Guid.NewGuid(),
        Reference: "MR-2026-0042",
        RouteId: Guid.NewGuid(),
        Route: Route.VictimTrack,
        RecipientName: "CoMensha Zorgcoördinatie",
        Categories: [HandoverData.VictimIdentity, HandoverData.Location, HandoverData.Summary],
        Forms: [ExploitationForms.Sexual, ExploitationForms.Labour],
        IndicatorCodes: ["S03", "A07"],
        LocationType: LocationType.MassageSalon,
        LocationDetail: "Hoofdweg 12, Hoofddorp",
        ObservedOn: new DateOnly(2026, 3, 14),
        Summary: summary,
        ReporterWords: reporterWords,
        IndividualCaseMeetingRequested: true,
        People: [new HandoverPerson(PersonRole.PossibleVictim, victim, "19", Minor.No, "Roemeens", "Roemeens", "06 12345678")],
        Municipality: "Haarlemmermeer",
        PreparedAt: new DateTimeOffset(2026, 3, 20, 9, 30, 0, TimeSpan.Zero));

    /// <summary>Renders in Dutch, as the app's default culture, and gives the text of each page.</summary>
    private static (byte[] Pdf, List<string> Pages) Render(HandoverSheet sheet)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Dutch);
            var pdf = HandoverPdf.Render(sheet, T);
            using var document = PdfDocument.Open(pdf);
            return (pdf, [.. document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))]);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    [Fact]
    public void The_sheet_carries_the_reference_the_recipient_the_summary_and_the_people_with_the_Dutch_labels()
    {
        var (_, pages) = Render(Sheet());

        var text = Assert.Single(pages);
        Assert.Contains("Overdrachtsformulier MR-2026-0042", text);
        Assert.Contains("CoMensha Zorgcoördinatie", text);
        Assert.Contains("Drie vrouwen wonen boven de salon en werken er dag en nacht.", text);
        Assert.Contains("Anna de Vries", text);
        Assert.Contains("Slachtofferspoor (zorgcoördinatie)", text);
        Assert.Contains("Seksuele uitbuiting, Arbeidsuitbuiting", text);
        Assert.Contains("Massagesalon · Hoofdweg 12, Hoofddorp", text);
        Assert.Contains("Vertrouwelijk · MR-2026-0042 · pagina 1 van 1", text);
        Assert.DoesNotContain("Niet alle tekens", text);
        // The order of the HTML sheet.
        Assert.True(text.IndexOf("Ontvanger", StringComparison.Ordinal) < text.IndexOf("Samenvatting", StringComparison.Ordinal));
        Assert.True(text.IndexOf("Samenvatting", StringComparison.Ordinal) < text.IndexOf("Betrokken personen", StringComparison.Ordinal));
    }

    [Fact]
    public void Fields_that_are_null_are_left_out_as_on_the_HTML_sheet()
    {
        var (_, without) = Render(Sheet(summary: null));
        Assert.DoesNotContain("Woorden van de melder", without[0]);
        Assert.DoesNotContain("Samenvatting voor de ontvanger", without[0]);

        var (_, with) = Render(Sheet(reporterWords: "Ik zag busjes 's nachts."));
        Assert.Contains("Woorden van de melder Ik zag busjes 's nachts.", with[0]);
    }

    [Fact]
    public void A_long_summary_flows_onto_the_next_pages_and_nothing_is_cut_off()
    {
        var words = Enumerable.Range(1, 1_500).Select(i => "woord" + i).ToList();
        var summary = string.Join(" ", words);
        Assert.True(summary.Length >= 10_000);

        var (_, pages) = Render(Sheet(summary: summary));

        Assert.True(pages.Count > 1, $"{pages.Count} page(s)");
        var all = string.Join(" ", pages);
        Assert.Contains("woord1500", all);
        Assert.Equal(words, all.Split(' ').Where(w => w.StartsWith("woord", StringComparison.Ordinal)));
        Assert.Contains($"pagina {pages.Count} van {pages.Count}", pages[^1]);
        Assert.Contains("Anna de Vries", pages[^1]);
    }

    [Fact]
    public void Characters_the_font_cannot_show_become_a_question_mark_with_a_note_instead_of_an_error()
    {
        var (_, pages) = Render(Sheet(victim: "Łukasz Ωmega 李 😀 José Müller"));

        var text = Assert.Single(pages);
        Assert.Contains("?ukasz ?mega ? ? José Müller", text);
        Assert.Contains("Niet alle tekens kunnen in deze pdf worden weergegeven", text);
    }

    [Fact]
    public void The_metadata_names_the_reference_and_no_person()
    {
        var (pdf, _) = Render(Sheet());

        using var document = PdfDocument.Open(pdf);
        Assert.Equal("Overdrachtsformulier MR-2026-0042", document.Information.Title);
        Assert.Null(document.Information.Author);
        var metadata = string.Join("|", document.Information.DocumentInformationDictionary!.Data.Values);
        Assert.DoesNotContain("Anna", metadata);
        Assert.DoesNotContain("CoMensha", metadata);
    }
}
