using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Setup;

namespace Meldroute.Tests.Features.Setup;

/// <summary>
/// The administrator sets up the reference data in the browser (issue 18): the set-up page with its checklist, a new
/// department and a new partner with its routes (errors next to the field, what was typed kept), the indicators, and an
/// import that is refused with a line per problem; axe-core on every page and state.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class SetupBrowserTests(BrowserApp browser)
{
    [Fact]
    public async Task The_administrator_keeps_departments_partners_routes_and_indicators_and_imports_with_each_problem_listed()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("beheerder@meldroute.test");

        await page.ClickAsync("[data-testid=main-navigation] a:has-text('Inrichting')");
        Assert.Equal(6, await page.Locator("[data-testid=checklist] li").CountAsync());
        await page.AssertAccessibleAsync("set-up page");

        await page.ClickAsync("main a:has-text('Afdelingen')");
        await page.AssertAccessibleAsync("departments");
        await page.ClickAsync("[data-testid=new-department]");
        await page.FillAsync("#Input_PublicContactEmployees", "veel");
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("Vul een aantal in", await page.InnerTextAsync("#Input_PublicContactEmployees-error"), StringComparison.Ordinal);
        Assert.Equal("veel", await page.InputValueAsync("#Input_PublicContactEmployees"));
        await page.AssertAccessibleAsync("new department with an error");
        await page.FillAsync("#Input_Name", "Sociale recherche (browsertest)");
        await page.FillAsync("#Input_PublicContactEmployees", "14");
        await page.CheckAsync("#public-True");
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("Sociale recherche (browsertest)", await page.InnerTextAsync("[data-testid=departments]"), StringComparison.Ordinal);

        await page.GotoAsync("/Partners");
        await page.ClickAsync("[data-testid=new-partner]");
        await page.FillAsync("#Input_Name", "Partner uit de browsertest");
        await page.ClickAsync("[data-testid=partner-form] button[type=submit]");
        Assert.Contains("Kies de soort partner", await page.InnerTextAsync("#Input_Kind-error"), StringComparison.Ordinal);
        Assert.Equal("Partner uit de browsertest", await page.InputValueAsync("#Input_Name"));
        await page.AssertAccessibleAsync("new partner with an error");
        await page.SelectOptionAsync("#Input_Kind", "External");
        await page.CheckAsync("#Input_Aftercare");
        await page.CheckAsync("#Input_Sexual");
        await page.FillAsync("#WorkProcessesText", "Opvang van slachtoffers");
        await page.ClickAsync("[data-testid=partner-form] button[type=submit]");
        Assert.Contains("Opvang van slachtoffers", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.ClickAsync("main a:has-text('Partner en contactpersonen wijzigen')");
        await page.AssertAccessibleAsync("partner edit page with routes and archive");
        await page.CheckAsync("[data-route=VictimTrack] input[name$='Takes']");
        await page.ClickAsync("[data-testid=routes-form] button[type=submit]");
        Assert.Contains("Slachtofferspoor", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("routes", await page.InnerTextAsync("[data-testid=changes]"), StringComparison.Ordinal);

        await page.GotoAsync("/Indicators");
        await page.AssertAccessibleAsync("indicators");
        await page.ClickAsync("[data-testid=edit-indicators]");
        await page.AssertAccessibleAsync("indicators edit form");

        await page.GotoAsync("/Setup/Import");
        await page.AssertAccessibleAsync("import page");
        var bad = Path.Combine(Directory.CreateTempSubdirectory("meldroute-import-").FullName, "fout.zip");
        await File.WriteAllBytesAsync(bad, ReferenceDataSet.ToZip(new Dictionary<string, string> { ["departments.csv"] = "name,public_contact\nBurgerzaken,misschien\n" }));
        await page.SetInputFilesAsync("#Upload", bad);
        await page.ClickAsync("[data-testid=import-form] button[type=submit]");
        Assert.Contains("departments.csv, regel 2, kolom public_contact", await page.InnerTextAsync("[data-testid=problems]"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("import refused");
        await page.Context.CloseAsync();
    }
}
