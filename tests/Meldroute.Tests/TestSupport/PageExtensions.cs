using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Meldroute.Web.Features.Demo;
using Microsoft.Playwright;

namespace Meldroute.Tests.TestSupport;

public static class PageExtensions
{
    public static async Task SignInAsync(this IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", DemoSeeder.DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    /// <summary>axe-core on the current page: no violation of WCAG 2.1 A or AA. The message lists rule, impact and targets.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Target.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"axe-core found violations on {what} ({page.Url}):\n" + string.Join("\n", violations));
    }

    /// <summary>WCAG 1.4.10: the page does not scroll sideways (a table may, inside its own container); a failure names what sticks out.</summary>
    public static async Task AssertNoSidewaysScrollAsync(this IPage page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (widths[0] > widths[1])
        {
            // Name the widest elements that stick out, so that a failure says where to look.
            var culprits = await page.EvaluateAsync<string[]>(
                "w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w && !e.parentElement.closest('.utrecht-table-container')).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).slice(-8)",
                widths[1]);
            Assert.Fail($"{what}: the page is {widths[0]} px wide in a window of {widths[1]} px; sticking out: {string.Join(" | ", culprits)}");
        }
    }
}
