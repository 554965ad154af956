namespace Meldroute.Tests.Browser;

/// <summary>The policy advisor's pages (issue 5) as the demo policy advisor uses them, with axe-core on each.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PolicyBrowserTests(BrowserApp browser)
{
    [Fact]
    public async Task The_partner_network_work_processes_and_care_map_are_accessible_and_a_partner_is_edited_with_errors_next_to_the_field()
    {
        // axe-core needs script in the page; the pages themselves use none (the HTTP-level tests post the forms as plain HTML).
        var page = await browser.NewPageAsync();
        await page.SignInAsync("beleidsadviseur@meldroute.test");

        await page.ClickAsync("[data-testid=main-navigation] a:has-text('Ketenpartners')");
        Assert.Contains("Externe ketenpartners", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("network overview");

        await page.ClickAsync("main a:has-text('Werkprocessen per partner')");
        Assert.Contains("Landelijk meldproces signalen arbeidsuitbuiting", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("work processes");

        await page.GotoAsync("/Partners");
        await page.ClickAsync("main a:has-text('GGD Kennemerland')");
        await page.AssertAccessibleAsync("partner page");
        await page.ClickAsync("main a:has-text('Partner en contactpersonen wijzigen')");
        await page.AssertAccessibleAsync("partner edit form");
        await page.FillAsync("#Input_Contacts_0__Name", "Demo Arts GGD");
        await page.FillAsync("#Input_Contacts_0__Email", "geen-adres");
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("Vul een geldig e-mailadres in", await page.InnerTextAsync("#Input_Contacts_0__Email-error"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("partner edit form with errors");
        await page.FillAsync("#Input_Contacts_0__Email", "arts@ggd.voorbeeld.test");
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("arts@ggd.voorbeeld.test", await page.InnerTextAsync("[data-testid=contacts]"), StringComparison.Ordinal);
        Assert.Contains("contactpersonen", await page.InnerTextAsync("[data-testid=changes]"), StringComparison.Ordinal);

        await page.ClickAsync("[data-testid=main-navigation] a:has-text('Zorgkaart')");
        await page.AssertAccessibleAsync("care map, empty");
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("Kies een vorm van uitbuiting", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("care map with error");
        await page.SelectOptionAsync("#form", "Labour");
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("Nederlandse Arbeidsinspectie (NLA)", await page.InnerTextAsync("[data-testid=care-map]"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("care map for labour exploitation");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("main a:has-text('Download als Word-document')"));
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

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
        Assert.Contains("Weerbare Jeugd", await page.InnerTextAsync("[data-testid=agenda]"), StringComparison.Ordinal);
        Assert.DoesNotContain("YouChoose", await page.InnerTextAsync("[data-testid=agenda]"), StringComparison.Ordinal);
        await page.FillAsync("#year", "twintig");
        await page.ClickAsync("main button[type=submit]");
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

    [Fact]
    public async Task The_framework_checklist_shows_the_summary_against_the_target_and_a_block_is_assessed_with_errors_next_to_the_field()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("beleidsadviseur@meldroute.test");

        await page.ClickAsync("[data-testid=main-navigation] a:has-text('VNG Kader')");
        Assert.Contains("Beleidsmatige basis", await page.InnerTextAsync("[data-testid=framework-summary]"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("framework checklist");
        await page.ClickAsync("main a:has-text('Beoordeel: Opvang: beschikbaarheid noodbedden')");
        await page.AssertAccessibleAsync("building block form");
        await page.SelectOptionAsync("#Input_Status", "DoesNotMeet");
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("Vul dit veld in", await page.InnerTextAsync("#Input_Explanation-error"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("building block form with errors");
        await page.FillAsync("#Input_Explanation", "Meer noodbedden vraagt regionale financiering.");
        await page.CheckAsync("#Input_LacksNationalFunding");
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("Geen rijksmiddelen", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_training_figures_and_the_training_form_are_accessible_with_errors_next_to_the_field()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("beleidsadviseur@meldroute.test");

        await page.ClickAsync("[data-testid=main-navigation] a:has-text('Scholing')");
        Assert.Contains("2025", await page.InnerTextAsync("[data-testid=training-years]"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("training figures");
        await page.ClickAsync("main a:has-text('Scholing vastleggen')");
        await page.AssertAccessibleAsync("training form");
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("Vul de datum van de scholing in", await page.InnerTextAsync("#Input_Date-error"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("training form with errors");
        await page.FillAsync("#Input_Date", "2025-06-01");
        await page.FillAsync("#Input_Title", "Netwerkbijeenkomst signalering");
        await page.FillAsync("#Input_Departments_0__Participants", "3");
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("Netwerkbijeenkomst signalering", await page.InnerTextAsync("[data-testid=training-sessions]"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
