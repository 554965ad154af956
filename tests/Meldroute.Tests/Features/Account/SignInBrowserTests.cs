using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Tests.Features.Account;

/// <summary>The sign-in pages (password, second factor) in Chromium, with axe-core on each.</summary>
[Trait("Category", "Browser")]
[Collection(SignInBrowserCollection.Name)]
public sealed class SignInBrowserTests(BrowserApp browser)
{
    [Fact]
    public async Task A_wrong_password_shows_a_Dutch_error_and_keeps_the_user_name()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.AssertAccessibleAsync("login page");

        await page.FillAsync("#Input_Email", "melder@meldroute.test");
        await page.FillAsync("#Input_Password", "niet-het-wachtwoord");
        await page.ClickAsync("main button[type=submit]");

        Assert.Contains("Het e-mailadres of het wachtwoord klopt niet", await page.InnerTextAsync("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal("melder@meldroute.test", await page.InputValueAsync("#Input_Email"));
        Assert.Equal("", await page.InputValueAsync("#Input_Password"));
        await page.AssertAccessibleAsync("login page with error");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_second_factor_pages_pass_axe_core_and_accept_the_authenticator_code()
    {
        var user = await Meldroute.Tests.TestSupport.TestUsers.CreateAsync(browser.App, Roles.PolicyAdvisor);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_Email", user.Email);
        await page.FillAsync("#Input_Password", user.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/Account/LoginWith2fa**");
        await page.AssertAccessibleAsync("authenticator code page");

        await page.ClickAsync("a:has-text('herstelcode')");
        await page.AssertAccessibleAsync("recovery code page");
        await page.GoBackAsync();
        await page.FillAsync("#Input_Code", user.CurrentCode());
        await page.ClickAsync("main button[type=submit]");

        await page.WaitForURLAsync(browser.BaseUrl + "/");
        Assert.Contains("Beleidsadviseur", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
