using Meldroute.Tests.TestSupport;

namespace Meldroute.Tests.Features.Framework;

/// <summary>The VNG framework checklist as the demo policy advisor uses it, with axe-core on each page. (issue 5)</summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class FrameworkBrowserTests(BrowserApp browser)
{
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
}
