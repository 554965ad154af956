using Meldroute.Tests.Features.Shared;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Tests.Features.VictimDossiers;

/// <summary>
/// The CoMensha registration page (issue 21 item 4) as the demo coordinator uses it, and the case export page as the
/// policy advisor uses it: axe-core and no sideways scrolling at 1,280 and 390 px, errors by the field with the input kept.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class ComenshaBrowserTests(BrowserApp browser)
{
    /// <summary>A dossier of a signal forwarded along the victim track, through the API on the app's real port.</summary>
    private async Task<string> DossierAsync(string victimName)
    {
        var app = browser.App;
        HttpClient Client(string token)
        {
            var client = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            return client;
        }

        using var reporter = Client(await app.GetAccessTokenAsync(await app.CreateAsync(Roles.Reporter)));
        using var officer = Client(await app.GetAccessTokenAsync(await app.CreateAsync(Roles.SpecialistOfficer)));
        var member = await app.CreateAsync(Roles.CaseTableMember);
        var submitted = await reporter.SubmitAsync(ProcedureApi.NewSignal("Jongen verkoopt drugs voor een oudere man en moet schulden afbetalen.", victimName: victimName, forms: ["Criminal"]));
        var id = submitted.GetProperty("id").GetString()!;
        var reference = "SD" + submitted.GetProperty("reference").GetString()![2..];
        var (_, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, id, member.Id);
        await app.ForwardAsync(officer, id, victimRoute, perpetratorRoute);
        using var coordinator = Client(await app.GetAccessTokenAsync(await app.CreateAsync(Roles.VictimCareCoordinator)));
        var dossiers = await (await coordinator.GetAsync("/api/dossiers")).JsonAsync(System.Net.HttpStatusCode.OK);
        return dossiers.EnumerateArray().Single(d => d.GetProperty("reference").GetString() == reference).GetProperty("id").GetString()!;
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_coordinator_fills_in_the_registration_with_errors_by_the_field_and_then_downloads_its_data(int width)
    {
        var name = $"Kacper Browser{width}";
        var dossierId = await DossierAsync(name);
        var today = DateTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var page = await browser.NewPageAsync(width: width);
        await page.SignInAsync("zorgcoordinator@meldroute.test");
        await page.GotoAsync($"/VictimDossiers/Dossier/{dossierId}");
        Assert.Contains("Nog niet voorbereid", await page.InnerTextAsync("[data-testid=comensha]"), StringComparison.Ordinal);
        await page.ClickAsync($"[data-testid=comensha] a:has-text('{name}')");
        Assert.Contains(name, await page.InnerTextAsync("[data-testid=comensha-victim]"), StringComparison.Ordinal);
        // The draft takes the forms the officer classified (sexual and labour exploitation) and the age 17.
        Assert.True(await page.IsCheckedAsync("#form-Labour"));
        Assert.False(await page.IsCheckedAsync("#form-Criminal"));
        Assert.Equal("Age16To17", await page.InputValueAsync("#Input_AgeGroup"));
        Assert.Contains("toestemming", await page.InnerTextAsync("[data-testid=comensha-no-download]"), StringComparison.Ordinal);
        await page.AssertNoSidewaysScrollAsync($"CoMensha registration at {width} px");
        await page.AssertAccessibleAsync($"CoMensha registration at {width} px");

        // Consent given by a parent for a 16-year-old, a sector of another form, no nationality: messages by the fields.
        await page.SelectOptionAsync("#Input_Sector", "Drugs");
        await page.SelectOptionAsync("#Input_CountryOfOrigin", "PL");
        await page.SelectOptionAsync("#Input_Gender", "Male");
        await page.SelectOptionAsync("#Input_Consent", "Given");
        await page.FillAsync("#Input_ConsentOn", today);
        await page.SelectOptionAsync("#Input_ConsentBy", "ParentOrGuardian");
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("Vanaf 16 jaar geeft de persoon zelf toestemming.", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("hoort bij een vorm van uitbuiting die niet is gekozen", await page.InnerTextAsync("#Input_Sector-error"), StringComparison.Ordinal);
        Assert.Contains("Kies een land", await page.InnerTextAsync("#Input_Nationality-error"), StringComparison.Ordinal);
        Assert.Equal("PL", await page.InputValueAsync("#Input_CountryOfOrigin"));
        Assert.Equal(today, await page.InputValueAsync("#Input_ConsentOn"));
        await page.AssertNoSidewaysScrollAsync($"CoMensha registration with errors at {width} px");
        await page.AssertAccessibleAsync($"CoMensha registration with errors at {width} px");

        Assert.Equal("Drugs", await page.InputValueAsync("#Input_Sector"));
        await page.CheckAsync("#form-Criminal");
        await page.SelectOptionAsync("#Input_Nationality", "PL");
        await page.SelectOptionAsync("#Input_ConsentBy", "Victim");
        await page.FillAsync("#Input_RegisteredOn", today);
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("Aangemeld op", await page.InnerTextAsync("[data-testid=comensha-status]"), StringComparison.Ordinal);
        Assert.Contains("Downloaden als pdf", await page.InnerTextAsync("[data-testid=comensha-downloads]"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync($"CoMensha registration saved at {width} px");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('Downloaden als CSV')"));
        Assert.EndsWith("-comensha.csv", download.SuggestedFilename, StringComparison.Ordinal);

        await page.ClickAsync("a:has-text('Terug naar dossier')");
        Assert.Contains("Aangemeld op", await page.InnerTextAsync("[data-testid=comensha]"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_policy_advisor_finds_the_case_export_explained_and_gets_errors_by_the_field(int width)
    {
        var page = await browser.NewPageAsync(width: width);
        await page.SignInAsync("beleidsadviseur@meldroute.test");
        await page.GotoAsync("/CaseData");
        Assert.Contains("vic_TypeOfExploitation", await page.InnerTextAsync("[data-testid=case-data-columns]"), StringComparison.Ordinal);
        Assert.Contains("minstens 5 rijen", await page.InnerTextAsync("[data-testid=case-data-k]"), StringComparison.Ordinal);
        await page.AssertNoSidewaysScrollAsync($"case export at {width} px");
        await page.AssertAccessibleAsync($"case export at {width} px");

        await page.FillAsync("#Query_FromYear", "2026");
        await page.FillAsync("#Query_ToYear", "2025");
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("Het eindjaar ligt voor het beginjaar.", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal("2025", await page.InputValueAsync("#Query_ToYear"));
        await page.AssertNoSidewaysScrollAsync($"case export with errors at {width} px");
        await page.AssertAccessibleAsync($"case export with errors at {width} px");

        await page.FillAsync("#Query_ToYear", "");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("main button[type=submit]"));
        Assert.Equal("casusdata-htcds.csv", download.SuggestedFilename);
        await page.Context.CloseAsync();
    }
}
