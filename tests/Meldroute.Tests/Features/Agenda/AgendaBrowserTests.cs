using Meldroute.Tests.TestSupport;

namespace Meldroute.Tests.Features.Agenda;

/// <summary>The implementation agenda as the demo policy advisor uses it, with axe-core on each page. (issue 5)</summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class AgendaBrowserTests(BrowserApp browser)
{
    [Fact]
    public async Task The_implementation_agenda_filters_shows_the_growth_model_and_records_progress_with_errors_next_to_the_field()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("beleidsadviseur@meldroute.test");

        await page.ClickAsync("[data-testid=main-navigation] a:has-text('Uitvoeringsagenda')");
        Assert.Contains("YouChoose", await page.InnerTextAsync("[data-testid=agenda]"), StringComparison.Ordinal);
        Assert.Contains("Niveau 2 (2025 en 2026)", await page.InnerTextAsync("[data-testid=growth-model]"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("implementation agenda");

        await page.SelectOptionAsync("#level", "3");
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("Preventie op scholen", await page.InnerTextAsync("[data-testid=agenda]"), StringComparison.Ordinal);
        Assert.DoesNotContain("YouChoose", await page.InnerTextAsync("[data-testid=agenda]"), StringComparison.Ordinal);
        // The year is a choice of the agenda's years (issue 19); a year typed into the address is still checked.
        await page.SelectOptionAsync("#year", "2025");
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("year=2025", page.Url, StringComparison.Ordinal);
        Assert.Equal("2025", await page.InputValueAsync("#year"));
        await page.GotoAsync("/Agenda?year=twintig");
        Assert.Contains("Vul een jaar in van vier cijfers", await page.InnerTextAsync("#year-error"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("implementation agenda with a filter error");

        await page.GotoAsync("/Agenda");
        await page.ClickAsync("main a:has-text('Jaarlijkse netwerkdag')");
        await page.AssertAccessibleAsync("agenda activity");
        await page.FillAsync("#Note_Text", "Netwerkdag gehouden met 60 deelnemers.");
        await page.FillAsync("#Note_EvidenceUrl", "geen link");
        await page.ClickAsync("main button:has-text('Voortgang vastleggen')");
        Assert.Contains("Vul een volledige link in", await page.InnerTextAsync("#Note_EvidenceUrl-error"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("agenda activity with a progress error");
        await page.FillAsync("#Note_EvidenceUrl", "https://dms.voorbeeld.test/netwerkdag");
        await page.ClickAsync("main button:has-text('Voortgang vastleggen')");
        Assert.Contains("Netwerkdag gehouden", await page.InnerTextAsync("[data-testid=notes]"), StringComparison.Ordinal);

        await page.GotoAsync("/Agenda/Activity");
        await page.ClickAsync("main button:has-text('Opslaan')");
        Assert.Contains("Kies ten minste één doel", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("new agenda activity with errors");
        await page.Context.CloseAsync();
    }
}
