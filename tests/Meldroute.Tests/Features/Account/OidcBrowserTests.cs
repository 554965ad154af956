using Meldroute.Tests.TestSupport;
using Microsoft.Playwright;

namespace Meldroute.Tests.Features.Account;

/// <summary>
/// The real proof of the cookie choices: Chromium comes back from another site and lands signed in. The return is a
/// navigation started on the identity provider's page, so Chromium treats the callback and the page after it as
/// cross-site: the Lax correlation, nonce and external cookies come along, the Strict session cookie does not until
/// the app's own "continue" page navigates on.
/// </summary>
[Trait("Category", "Browser")]
public sealed class OidcBrowserTests(OidcBrowserApp browser) : IClassFixture<OidcBrowserApp>
{
    [Fact]
    public async Task Signing_in_at_the_identity_provider_lands_on_the_role_s_page_signed_in()
    {
        browser.Idp.Next = TestSubject.New(["meldroute-officer"]);
        var context = BrowserApp.Patient(await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "nl-NL" }));
        var page = await context.NewPageAsync();
        var visited = new List<string>();
        page.FrameNavigated += (_, frame) => visited.Add(frame.Url);

        await page.GotoAsync("/Account/Login?ReturnUrl=%2FHandling");
        await page.AssertAccessibleAsync("the sign-in page with the identity provider's button");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen met Gemeente-account" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Doorgaan" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(browser.BaseUrl + "/Handling", new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Ended at {page.Url} after {string.Join(" → ", visited)}:\n{await page.InnerTextAsync("main")}\n"
                + string.Join("\n", browser.App.Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal)).TakeLast(4)));
        }

        Assert.Equal(browser.BaseUrl + "/Handling", page.Url);
        Assert.Contains(visited, u => u.StartsWith(browser.BaseUrl + "/Account/ExternalLogin", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Signalen");
        var cookies = await context.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == "Meldroute.Session" && c.SameSite == SameSiteAttribute.Strict);
        Assert.DoesNotContain(cookies, c => c.Name == "Identity.External");
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_refused_sign_in_comes_back_to_the_sign_in_page_with_the_reason()
    {
        browser.Idp.Next = TestSubject.New(["not-a-meldroute-group"]);
        var context = BrowserApp.Patient(await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "nl-NL" }));
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen met Gemeente-account" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Doorgaan" }).ClickAsync();
        await page.WaitForURLAsync(browser.BaseUrl + "/Account/Login?oidc=NoRole");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("geen rol in Meldroute");
        await page.AssertAccessibleAsync("the sign-in page after a refusal");
        await context.CloseAsync();
    }
}
