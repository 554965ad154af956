using Meldroute.Tests.TestSupport;

namespace Meldroute.Tests.Features.Partners;

/// <summary>The partner network, work processes and care map as the demo administrator keeps them, with axe-core on each (issues 5, 18).</summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class PartnersBrowserTests(BrowserApp browser)
{
    [Fact]
    public async Task The_partner_network_work_processes_and_care_map_are_accessible_and_a_partner_is_edited_with_errors_next_to_the_field()
    {
        // axe-core needs script in the page; the pages themselves use none (the HTTP-level tests post the forms as plain HTML).
        var page = await browser.NewPageAsync();
        await page.SignInAsync("beheerder@meldroute.test");

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
}
