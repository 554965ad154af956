using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.Playwright;

namespace Meldroute.Tests.Features.Handling;

/// <summary>
/// The signal's page as a guided procedure in the browser (issue 19 items 2 and 7), at 1,280 px and at 390 px: the
/// status bar marks the current step, the next-action panel names the balancing of interests before forwarding, the
/// current step's section is open and the others fold, the timeline is one link away; no sideways scrolling and no
/// axe-core violations. Without JavaScript the sections fold open and the balancing is recorded from the panel's link.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class SignalProcedureBrowserTests(BrowserApp browser)
{
    /// <summary>A decided signal with a victim and a perpetrator track, neither with its balancing of interests yet.</summary>
    private async Task<(string Id, string Reference, string VictimRoute)> DecidedSignalAsync(string description)
    {
        using var reporter = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        reporter.DefaultRequestHeaders.Authorization = new("Bearer", await browser.App.GetAccessTokenAsync(await browser.App.CreateAsync(Roles.Reporter)));
        using var officer = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        officer.DefaultRequestHeaders.Authorization = new("Bearer", await browser.App.GetAccessTokenAsync(await browser.App.CreateAsync(Roles.SpecialistOfficer)));
        var signal = await reporter.SubmitAsync(ProcedureApi.NewSignal(description));
        var id = signal.GetProperty("id").GetString()!;
        var (_, victimRoute, _) = await browser.App.DecideAsync(officer, id, await browser.App.UserIdAsync("casustafel@meldroute.test"));
        return (id, signal.GetProperty("reference").GetString()!, victimRoute);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_decided_signal_s_page_leads_to_the_balancing_before_forwarding_without_sideways_scrolling(int width)
    {
        var (id, _, _) = await DecidedSignalAsync($"Twee meisjes werken in een nagelstudio en slapen in de achterkamer ({width}).");
        var page = await browser.NewPageAsync(width: width);
        await page.SignInAsync("aandachtsfunctionaris@meldroute.test");

        await page.GotoAsync($"/Handling/Signal/{id}");

        await page.AssertNoSidewaysScrollAsync($"signal page at {width} px");
        await page.AssertAccessibleAsync($"signal page at {width} px");
        Assert.Equal("Belangenafweging", (await page.InnerTextAsync("[data-testid=procedure-steps] [aria-current=step]")).Trim());
        var steps = await page.Locator("[data-testid=procedure-steps] li").AllInnerTextsAsync();
        Assert.True(steps.ToList().FindIndex(s => s.StartsWith("Belangenafweging", StringComparison.Ordinal)) < steps.ToList().FindIndex(s => s.StartsWith("Doorzetten", StringComparison.Ordinal)), string.Join(" | ", steps));

        // One panel says what is needed now: the balancing, and why forwarding waits for it.
        var panel = await page.InnerTextAsync("[data-testid=next-action]");
        Assert.Contains("Volgende stap: belangenafweging vastleggen", panel, StringComparison.Ordinal);
        Assert.Contains("Doorzetten kan pas als de belangenafweging is vastgelegd", await page.InnerTextAsync("[data-testid=next-action-blocked]"), StringComparison.Ordinal);
        Assert.True(panel.IndexOf("belangenafweging", StringComparison.Ordinal) < panel.IndexOf("Doorzetten", StringComparison.Ordinal), panel);

        // The routes are open; what was reported folds away and opens on request.
        Assert.True(await page.IsVisibleAsync("article[data-testid=route-VictimTrack] select[name='Balancing.RecipientPartnerId']"));
        Assert.False(await page.IsVisibleAsync("[data-testid=description]"));
        await page.ClickAsync("#reported-title");
        Assert.True(await page.IsVisibleAsync("[data-testid=description]"));
        await page.AssertAccessibleAsync($"signal page with the report opened at {width} px");

        // The timeline is one link away from the panel.
        Assert.False(await page.IsVisibleAsync("[data-testid=timeline]"));
        await page.ClickAsync("[data-testid=next-action-timeline]");
        await page.Locator("[data-testid=timeline]").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Contains("Besluit genomen", await page.InnerTextAsync("[data-testid=timeline]"), StringComparison.Ordinal);
        await page.AssertNoSidewaysScrollAsync($"signal page with the timeline at {width} px");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_JavaScript_the_panel_leads_to_the_balancing_and_the_message_names_the_route()
    {
        var (id, reference, _) = await DecidedSignalAsync("Man werkt zonder loon op een tuinderij en woont in een caravan op het terrein.");
        var context = BrowserApp.Patient(await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl, Locale = "nl-NL", JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        }));
        var page = await context.NewPageAsync();
        await page.SignInAsync("aandachtsfunctionaris@meldroute.test");
        await page.GotoAsync($"/Handling/Signal/{id}");

        await page.ClickAsync("[data-testid=next-action-go]");
        var card = page.Locator("article[data-testid=route-VictimTrack]");
        await card.Locator("select[name='Balancing.RecipientPartnerId']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        foreach (var field in new[] { "WeighedBy", "Purpose", "Necessity", "Proportionality", "Subsidiarity", "Outcome" })
        {
            await card.Locator($"textarea[name='Balancing.{field}']").FillAsync("Afweging: " + field);
        }

        await card.Locator("select[name='Balancing.SharingJustified']").SelectOptionAsync("true");
        await card.Locator("button:has-text('Belangenafweging vastleggen')").ClickAsync();

        Assert.Equal($"De belangenafweging voor Slachtofferspoor (zorgcoördinatie) van {reference} is vastgelegd.", (await page.InnerTextAsync("[data-testid=done]")).Trim());
        var panel = await page.InnerTextAsync("[data-testid=next-action]");
        Assert.Contains("belangenafweging vast voor Daderspoor", panel, StringComparison.Ordinal);
        Assert.DoesNotContain("Slachtofferspoor", panel, StringComparison.Ordinal);
        // Folding works without JavaScript: the analysis opens from its summary.
        Assert.False(await page.IsVisibleAsync("#section-analysis dl"));
        await page.ClickAsync("#analysis-title");
        Assert.True(await page.IsVisibleAsync("#section-analysis dl"));
        await page.AssertNoSidewaysScrollAsync("signal page without JavaScript at 390 px");
        await context.CloseAsync();
    }
}
