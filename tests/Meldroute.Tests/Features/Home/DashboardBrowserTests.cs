using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Tests.Features.Home;

/// <summary>
/// Issue 19, items 5 and 7: the start page of every demo account (README) shows the dashboard of its role and no other,
/// reflows without sideways scrolling at 390 and 1,280 px and passes axe-core; every number opens its list, and the
/// officer's count of new signals is the navigation's "nieuw" badge.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserApp browser)
{
    private static readonly IReadOnlyDictionary<string, string> DemoAccounts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["melder"] = Roles.Reporter,
        ["aandachtsfunctionaris"] = Roles.SpecialistOfficer,
        ["casustafel"] = Roles.CaseTableMember,
        ["zorgcoordinator"] = Roles.VictimCareCoordinator,
        ["beleidsadviseur"] = Roles.PolicyAdvisor,
        ["privacy"] = Roles.PrivacyOfficer,
        ["beheerder"] = Roles.Administrator,
        ["regio"] = Roles.RegionalAnalyst,
    };

    public static TheoryData<string, int> AccountsAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var account in DemoAccounts.Keys)
        {
            data.Add(account, 390);
            data.Add(account, 1280);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AccountsAndWidths))]
    public async Task The_home_of_each_demo_role_shows_its_own_dashboard_reflows_and_passes_axe(string account, int width)
    {
        var role = DemoAccounts[account];
        var page = await browser.NewPageAsync(width: width);
        await page.SignInAsync(account + "@meldroute.test");
        await page.GotoAsync("/");

        var block = page.Locator($"[data-testid=dashboard-{role}]");
        Assert.True(await block.IsVisibleAsync(), $"the {role} block is shown to {account}");
        Assert.Equal([$"dashboard-{role}"], await page.Locator("[data-testid^='dashboard-']").EvaluateAllAsync<string[]>("blocks => blocks.map(b => b.dataset.testid)"));
        var hrefs = await block.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.True(hrefs.Length >= 2, $"{role}: {string.Join(", ", hrefs)}");
        await page.AssertNoSidewaysScrollAsync($"home of {account} at {width} px");
        await page.AssertAccessibleAsync($"home of {account} at {width} px");

        if (role == Roles.SpecialistOfficer && width == 1280)
        {
            var badge = page.Locator("[data-testid=main-navigation] [data-testid=new-count]");
            var badgeCount = await badge.CountAsync() == 0 ? 0 : int.Parse(System.Text.RegularExpressions.Regex.Match(await badge.InnerTextAsync(), @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(badgeCount.ToString(System.Globalization.CultureInfo.InvariantCulture), await block.Locator("[data-item=new]").GetAttributeAsync("data-count"));
        }

        if (width == 1280)
        {
            // Each number opens the list it counts: a page of the app, not an error or a refusal.
            foreach (var href in hrefs.Distinct(StringComparer.Ordinal))
            {
                var response = await page.GotoAsync(href);
                Assert.True(response?.Status == 200, $"{href} as {account}: {response?.Status}");
                Assert.DoesNotContain("/Account/AccessDenied", page.Url, StringComparison.Ordinal);
            }
        }

        await page.Context.CloseAsync();
    }
}
