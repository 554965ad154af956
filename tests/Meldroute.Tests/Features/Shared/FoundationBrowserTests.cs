using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Meldroute.Web.Features.Demo;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;
using Meldroute.Tests.TestSupport;
using Microsoft.Playwright;

namespace Meldroute.Tests.Features.Shared;

/// <summary>Navigation per role, language and accessibility of the foundation's pages, in Chromium.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class FoundationBrowserTests(BrowserApp browser)
{
    /// <summary>What each role's main navigation must show: derived from the navigation's own items and policies' roles.</summary>
    private static readonly Dictionary<string, string[]> ExpectedNavigation = new()
    {
        [Roles.Reporter] = ["Start", "Signaal melden", "Mijn meldingen", "Mijn account"],
        [Roles.SpecialistOfficer] = ["Start", "Signaal melden", "Mijn meldingen", "Signalen", "Casustafel", "Cijfers", "Ketenpartners", "Zorgkaart", "Mijn account"],
        [Roles.CaseTableMember] = ["Start", "Casustafel", "Mijn account"],
        [Roles.VictimCareCoordinator] = ["Start", "Slachtofferdossiers", "Ketenpartners", "Zorgkaart", "Mijn account"],
        [Roles.PolicyAdvisor] = ["Start", "Cijfers", "Casusdata (HTCDS)", "Ketenpartners", "Zorgkaart", "Uitvoeringsagenda", "VNG Kader", "Scholing", "Inrichting", "Mijn account"],
        [Roles.PrivacyOfficer] = ["Start", "Auditlog", "Bewaartermijnen", "Verwerkingsregister", "Inzageverzoeken", "Mijn account"],
        [Roles.Administrator] = ["Start", "Ketenpartners", "Zorgkaart", "Gebruikers", "Toegangsreview", "Inrichting", "Mijn account"],
        [Roles.RegionalAnalyst] = ["Start", "Casusdata (HTCDS)", "Regio", "Mijn account"],
    };

    [Fact]
    public void The_expected_navigation_covers_every_navigation_item_and_every_role()
    {
        Assert.Equal(Roles.All.Order(), ExpectedNavigation.Keys.Order());
        Assert.Equal(Navigation.Items.Count, ExpectedNavigation.Values.SelectMany(v => v).Distinct().Count());
    }

    [Theory]
    [InlineData("melder@meldroute.test", Roles.Reporter)]
    [InlineData("aandachtsfunctionaris@meldroute.test", Roles.SpecialistOfficer)]
    [InlineData("casustafel@meldroute.test", Roles.CaseTableMember)]
    [InlineData("zorgcoordinator@meldroute.test", Roles.VictimCareCoordinator)]
    [InlineData("beleidsadviseur@meldroute.test", Roles.PolicyAdvisor)]
    [InlineData("privacy@meldroute.test", Roles.PrivacyOfficer)]
    [InlineData("beheerder@meldroute.test", Roles.Administrator)]
    [InlineData("regio@meldroute.test", Roles.RegionalAnalyst)]
    public async Task Each_demo_role_signs_in_sees_its_navigation_and_signs_out(string email, string role)
    {
        var page = await browser.NewPageAsync();

        await page.SignInAsync(email);

        Assert.Equal(browser.BaseUrl + "/", page.Url);
        var links = await page.Locator("[data-testid=main-navigation] a").AllInnerTextsAsync();
        Assert.Equal(ExpectedNavigation[role], links.Select(l => l.Split('\n')[0].Trim()).Select(StripCount));
        Assert.Contains(email, await page.InnerTextAsync("[data-testid=signed-in-user]"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync($"start page as {role}");

        await page.ClickAsync("header button:has-text('Uitloggen')");
        await page.WaitForURLAsync("**/Account/Login**");
        Assert.Contains("U bent uitgelogd", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private static string StripCount(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s*\(?\d+ nieuw\)?$", "").Trim();

    [Fact]
    public async Task The_language_switch_shows_English_and_sets_the_page_language()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await page.ClickAsync("button:has-text('English')");

        Assert.Equal("Sign in", await page.InnerTextAsync("h1"));
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await page.AssertAccessibleAsync("English login page");
        await page.ClickAsync("button:has-text('Nederlands')");
        Assert.Equal("Inloggen", await page.InnerTextAsync("h1"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_foundation_page_passes_axe_core()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("beheerder@meldroute.test");
        await page.GotoAsync("/Account");
        await page.AssertAccessibleAsync("my account");
        await page.GotoAsync("/Account/ChangePassword");
        await page.ClickAsync("main button[type=submit]");
        await page.AssertAccessibleAsync("change password with errors");
        await page.GotoAsync("/Account/EnrolAuthenticator");
        await page.AssertAccessibleAsync("authenticator enrolment");
        await page.GotoAsync("/Admin/Users");
        await page.AssertAccessibleAsync("users");
        await page.ClickAsync("button:has-text('Account aanmaken')");
        Assert.Contains("Vul E-mailadres in", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("users with validation errors");
        await page.GotoAsync("/Admin/AccessReview");
        await page.ClickAsync("button:has-text('Review vastleggen')");
        Assert.Contains("Vul dit veld in", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("access review with errors");
        await page.GotoAsync("/Audit");
        Assert.Contains("/Account/AccessDenied", page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync("access denied");
        await page.GotoAsync("/no-such-page");
        Assert.Equal("Pagina niet gevonden", await page.InnerTextAsync("h1"));
        await page.AssertAccessibleAsync("not found");
        await page.GotoAsync("/Account/Logout");
        await page.AssertAccessibleAsync("sign-out page");
        await page.Context.CloseAsync();

        var privacy = await browser.NewPageAsync();
        await privacy.SignInAsync("privacy@meldroute.test");
        await privacy.GotoAsync("/Audit");
        var verification = await privacy.InnerTextAsync("[data-testid=audit-verification]");
        Assert.True(verification.Contains("De keten is intact", StringComparison.Ordinal), verification + "\n" + await AuditDumpAsync());
        await privacy.AssertAccessibleAsync("audit log");
        await privacy.GotoAsync("/Retention");
        await privacy.AssertAccessibleAsync("retention");
        await privacy.ClickAsync("button:has-text('Juridische blokkade plaatsen')");
        Assert.Contains("Er is geen signaal of slachtofferdossier met dit kenmerk", await privacy.InnerTextAsync("main"), StringComparison.Ordinal);
        await privacy.AssertAccessibleAsync("retention with errors");
        await privacy.ClickAsync("[data-testid=main-navigation] a:has-text('Verwerkingsregister')");
        Assert.Contains("Afgeschermd slachtofferdossier", await privacy.InnerTextAsync("[data-testid=activity-VA-04]"), StringComparison.Ordinal);
        await privacy.AssertAccessibleAsync("processing register");
        await privacy.ClickAsync("a:has-text('Verwerking VA-05 wijzigen')");
        await privacy.FillAsync("#Input_Purpose", "");
        await privacy.ClickAsync("button:has-text('Opslaan')");
        Assert.Contains("Vul dit veld in", await privacy.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal("VA-05", await privacy.InputValueAsync("#Input_Code"));
        await privacy.AssertAccessibleAsync("processing activity with errors");
        await privacy.ClickAsync("[data-testid=main-navigation] a:has-text('Inzageverzoeken')");
        await privacy.ClickAsync("button:has-text('Zoeken')");
        Assert.Contains("Vul het kenmerk van het verzoek in", await privacy.InnerTextAsync("main"), StringComparison.Ordinal);
        await privacy.AssertAccessibleAsync("subject access with errors");
        await privacy.FillAsync("#Input_RequestReference", "AVG-2026-001");
        await privacy.FillAsync("#Input_Name", "Niemand Bekend");
        await privacy.ClickAsync("button:has-text('Zoeken')");
        Assert.Contains("Gevonden: 0", await privacy.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.DoesNotContain("Niemand", privacy.Url, StringComparison.Ordinal);
        await privacy.AssertAccessibleAsync("subject access results");
        await privacy.Context.CloseAsync();

        var advisor = await browser.NewPageAsync();
        await advisor.SignInAsync("beleidsadviseur@meldroute.test");
        await advisor.ClickAsync("[data-testid=main-navigation] a:has-text('Cijfers')");
        var figures = await advisor.InnerTextAsync("main");
        Assert.Contains("Signalen per jaar", figures, StringComparison.Ordinal);
        Assert.Contains("Trainingen per jaar", figures, StringComparison.Ordinal);
        Assert.Equal(1, await advisor.Locator("#chart-per-month[role=img], svg[aria-labelledby^='chart-per-month']").CountAsync());
        await advisor.AssertAccessibleAsync("figures");
        await advisor.SelectOptionAsync("#Query_Form", "Labour");
        await advisor.ClickAsync("button:has-text('Toon cijfers')");
        Assert.Equal("Labour", await advisor.InputValueAsync("#Query_Form"));
        await advisor.AssertAccessibleAsync("figures filtered");
        await advisor.Context.CloseAsync();
        privacy = await browser.NewPageAsync();
        await privacy.Context.CloseAsync();
    }

    private async Task<string> AuditDumpAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Meldroute.Web.Infrastructure.Data.MeldrouteDbContext>();
        var rows = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync();
        return string.Join("\n", rows.Select(e => $"{e.Sequence} {e.OccurredAt:O} {e.Action} {e.Outcome} {e.ObjectId} prev={e.PreviousHash[..8]} hash={e.Hash[..8]} calc={Meldroute.Web.Features.Audit.AuditChain.ComputeHash(e)[..8]}")) + $"\nhead {head.LastSequence} {head.LastHash[..8]}";
    }

    [Fact]
    public async Task The_accessibility_check_does_find_violations()
    {
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"nl\"><head><title>x</title></head><body><main><img src=\"data:,\"><input type=\"text\"></main></body></html>");

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => page.AssertAccessibleAsync("a page with known faults"));

        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_app_works_without_JavaScript()
    {
        var context = BrowserApp.Patient(await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, JavaScriptEnabled = false, Locale = "nl-NL" }));
        var page = await context.NewPageAsync();

        await page.SignInAsync("melder@meldroute.test");

        Assert.Contains("Welkom", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
