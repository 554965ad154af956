using Meldroute.Tests.TestSupport;

namespace Meldroute.Tests.Features.Training;

/// <summary>The training figures and form as the demo policy advisor uses them, with axe-core on each page. (issue 5)</summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class TrainingBrowserTests(BrowserApp browser)
{
    [Fact]
    public async Task The_training_figures_and_the_training_form_are_accessible_with_errors_next_to_the_field()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("beleidsadviseur@meldroute.test");

        await page.ClickAsync("[data-testid=main-navigation] a:has-text('Scholing')");
        Assert.Contains("2025", await page.InnerTextAsync("[data-testid=training-years]"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("training figures");
        await page.ClickAsync("main a:has-text('Scholing vastleggen')");
        await page.AssertAccessibleAsync("training form");
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("Vul de datum van de scholing in", await page.InnerTextAsync("#Input_Date-error"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("training form with errors");
        await page.FillAsync("#Input_Date", "2025-06-01");
        await page.FillAsync("#Input_Title", "Netwerkbijeenkomst signalering");
        await page.FillAsync("#Input_Departments_0__Participants", "3");
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("Netwerkbijeenkomst signalering", await page.InnerTextAsync("[data-testid=training-sessions]"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
