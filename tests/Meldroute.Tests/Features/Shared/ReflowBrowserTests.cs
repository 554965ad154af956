using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.Playwright;

namespace Meldroute.Tests.Features.Shared;

/// <summary>
/// Issue 19: every page every role reaches through its navigation reflows at 320 px (WCAG 1.4.10's width), 390 px and
/// 1,280 px (no sideways scrolling of the page) and passes axe-core; the navigation folds into a menu that opens without
/// JavaScript on a small screen and fits on one row for the officer on a wide one; the acute signal tops the inbox.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class ReflowBrowserTests(BrowserApp browser)
{
    public static TheoryData<string, int> RolesAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var email in new[] { "melder", "aandachtsfunctionaris", "casustafel", "zorgcoordinator", "beleidsadviseur", "privacy", "beheerder" })
        {
            data.Add(email + "@meldroute.test", 320);
            data.Add(email + "@meldroute.test", 390);
            data.Add(email + "@meldroute.test", 1280);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndWidths))]
    public async Task Every_page_of_a_role_reflows_without_sideways_scrolling_and_passes_axe(string email, int width)
    {
        var page = await browser.NewPageAsync(width: width);
        await page.SignInAsync(email);

        var pages = (await page.Locator("[data-testid=navigation-menu] a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).ToList();
        Assert.NotEmpty(pages);
        if (email.StartsWith("aandachtsfunctionaris", StringComparison.Ordinal))
        {
            // The officer's signal page, the longest page there is.
            await page.GotoAsync("/Handling");
            if (await page.Locator("[data-testid=inbox-row] a").CountAsync() > 0)
            {
                pages.Add(await page.Locator("[data-testid=inbox-row] a").First.GetAttributeAsync("href") ?? "/Handling");
            }
        }

        foreach (var path in pages)
        {
            await page.GotoAsync(path);
            await page.AssertNoSidewaysScrollAsync($"{path} as {email} at {width} px");
            await page.AssertAccessibleAsync($"{path} as {email} at {width} px");
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_small_screen_the_navigation_is_a_menu_that_opens_without_JavaScript()
    {
        var context = BrowserApp.Patient(await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl, Locale = "nl-NL", JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 320, Height = 700 },
        }));
        var page = await context.NewPageAsync();
        await page.SignInAsync("aandachtsfunctionaris@meldroute.test");

        Assert.False(await page.IsVisibleAsync("[data-testid=main-navigation]"));
        var inbox = page.Locator("[data-testid=navigation-menu] a", new() { HasTextString = "Signalen" });
        Assert.False(await inbox.IsVisibleAsync());
        await page.ClickAsync("[data-testid=navigation-menu] summary");
        Assert.True(await inbox.IsVisibleAsync());
        await inbox.ClickAsync();
        await page.WaitForURLAsync("**/Handling");
        await page.AssertNoSidewaysScrollAsync("inbox at 320 px");
        Assert.Contains("Signalen", await page.InnerTextAsync("[data-testid=navigation-menu] summary"), StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task At_1280_px_the_officer_s_navigation_fits_on_one_row()
    {
        var page = await browser.NewPageAsync(width: 1280);
        await page.SignInAsync("aandachtsfunctionaris@meldroute.test");

        // One row: every item's box overlaps the first one's vertically (a badge may shift an item by a few pixels).
        var boxes = await page.Locator("[data-testid=main-navigation] > li").EvaluateAllAsync<double[][]>("items => items.map(li => { const r = li.getBoundingClientRect(); return [r.top, r.bottom, r.width]; })");
        Assert.True(boxes.Length > 5 && boxes.All(b => b[0] < boxes[0][1] && b[1] > boxes[0][0]), "navigation items (top, bottom, width): " + string.Join(" | ", boxes.Select(b => string.Join(", ", b.Select(x => Math.Round(x))))));
        Assert.False(await page.IsVisibleAsync("[data-testid=navigation-menu]"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task The_acute_signal_is_on_top_of_the_inbox_and_marked(int width)
    {
        // The API on the app's real port, with a reporter's bearer token.
        using var reporter = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        reporter.DefaultRequestHeaders.Authorization = new("Bearer", await browser.App.GetAccessTokenAsync(await browser.App.CreateAsync(Roles.Reporter)));
        var normal = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Een gewoon signaal over een schoonmaakbedrijf, zonder haast."))).GetProperty("reference").GetString()!;
        var acute = (await reporter.SubmitAsync(new
        {
            acuteDanger = true,
            description = $"Acuut gevaar: een jongen wordt bedreigd en mag het pand aan de haven niet verlaten (kade {width}).",
            observedOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            locationType = "Hotel",
            forms = new[] { "Criminal" },
            indicatorCodes = Array.Empty<string>(),
            people = Array.Empty<object>(),
        })).GetProperty("reference").GetString()!;

        var page = await browser.NewPageAsync(width: width);
        await page.SignInAsync("aandachtsfunctionaris@meldroute.test");
        await page.GotoAsync("/Handling");

        var first = page.Locator("[data-testid=inbox-row]").First;
        Assert.Contains("Acuut", await first.Locator("[data-testid=priority]").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        var references = await page.Locator("[data-testid=inbox-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.reference)");
        var (a, n) = (Array.IndexOf(references, acute), Array.IndexOf(references, normal));
        Assert.True(a >= 0 && (n < 0 || a < n), $"acute at {a}, normal at {n}: " + string.Join(", ", references));
        await page.AssertNoSidewaysScrollAsync($"inbox at {width} px");
        await page.AssertAccessibleAsync($"inbox at {width} px");

        // The search form posts: the words stay out of the address.
        await page.FillAsync("#Q", $"haven bedreigd {width}");
        await page.ClickAsync("button:has-text('Filteren')");
        Assert.Equal([acute], await page.Locator("[data-testid=inbox-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.reference)"));
        Assert.DoesNotContain("haven", page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync($"inbox search at {width} px");

        // Taking it from the row: the row then names the officer.
        await page.ClickAsync($"[data-reference='{acute}'] [data-testid=take]");
        Assert.Contains(acute, await page.InnerTextAsync("[data-testid=done]"), StringComparison.Ordinal);
        await page.GotoAsync("/Handling?Mine=true");
        Assert.Contains(acute, await page.Locator("[data-testid=inbox-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.reference)"));
        await page.Context.CloseAsync();
    }
}
