using Meldroute.Tests.TestSupport;

namespace Meldroute.Tests.Features.Region;

/// <summary>
/// The region's page as the demo regional analyst uses it (issue 21 item 2): Haarlemmermeer and Haarlem side by side
/// with Kennemerland's sum, the year filter, accessible and without sideways scrolling at 1,280 and 390 px; the
/// navigation offers only the analyst's own pages (the region and its anonymised case export).
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class RegionBrowserTests(BrowserApp browser)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_region_page_shows_the_municipalities_side_by_side_and_passes_axe(int width)
    {
        var page = await browser.NewPageAsync(width: width);
        await page.SignInAsync("regio@meldroute.test");
        Assert.Equal(["/", "/CaseData", "/Region", "/Account"], await page.Locator("[data-testid=main-navigation] a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));

        await page.GotoAsync("/Region");
        var header = await page.InnerTextAsync("[data-testid=region-per-form] thead");
        Assert.Contains("Gemeente Haarlemmermeer", header, StringComparison.Ordinal);
        Assert.Contains("Gemeente Haarlem", header, StringComparison.Ordinal);
        Assert.Contains("Regio Kennemerland", header, StringComparison.Ordinal);
        Assert.Contains("Loopt", await page.InnerTextAsync("[data-testid=region-agenda]"), StringComparison.Ordinal);
        Assert.Contains("Voldoet", await page.InnerTextAsync("[data-testid=region-framework]"), StringComparison.Ordinal);
        await page.AssertNoSidewaysScrollAsync($"region page at {width} px");
        await page.AssertAccessibleAsync($"region page at {width} px");

        await page.SelectOptionAsync("#Query_Year", "2025");
        await page.ClickAsync("main form button[type=submit]");
        // Until the new page's load event (its stylesheet), a table is not yet in its scrolling container.
        await page.WaitForURLAsync(url => url.Contains("Query.Year=2025", StringComparison.Ordinal));
        Assert.Contains("(2025)", await page.InnerTextAsync("[data-testid=region-per-form] caption"), StringComparison.Ordinal);
        await page.AssertNoSidewaysScrollAsync($"region page of 2025 at {width} px");
        await page.AssertAccessibleAsync($"region page of 2025 at {width} px");

        // The anonymised case export of the region: says that it holds every municipality of the region together.
        await page.GotoAsync("/CaseData");
        var scope = await page.InnerTextAsync("[data-testid=case-data-scope]");
        Assert.Contains("regio Kennemerland", scope, StringComparison.Ordinal);
        Assert.Contains("Gemeente Haarlem,", scope + ",", StringComparison.Ordinal);
        await page.AssertNoSidewaysScrollAsync($"case data page of the region at {width} px");
        await page.AssertAccessibleAsync($"case data page of the region at {width} px");

        // Not a signal, not the municipality's own figures.
        var refused = await page.GotoAsync("/Handling/Index");
        Assert.True(refused?.Status == 403 || page.Url.Contains("/Account/AccessDenied", StringComparison.Ordinal), $"/Handling/Index: {refused?.Status} {page.Url}");
        await page.Context.CloseAsync();
    }
}
