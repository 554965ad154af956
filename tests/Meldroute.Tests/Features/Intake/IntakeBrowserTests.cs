using Meldroute.Tests.TestSupport;

namespace Meldroute.Tests.Features.Intake;

/// <summary>
/// Issue 19 (items 4, 6 and 7): every step of the intake on a phone's width and on WCAG 1.4.10's 320 px, the step with
/// errors and the one with a person added included: no sideways scrolling and no axe-core violation. The walk stops at
/// the review: sending would add a signal, and a saved draft, to the demo reporter that other browser tests count.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class IntakeBrowserTests(BrowserApp browser)
{
    [Theory]
    [InlineData(320)]
    [InlineData(390)]
    public async Task Every_intake_step_fits_a_small_screen_and_passes_axe(int width)
    {
        var page = await browser.NewPageAsync(width: width);
        await page.SignInAsync("melder@meldroute.test");

        async Task CheckAsync(string step)
        {
            await page.AssertNoSidewaysScrollAsync($"intake {step} at {width} px");
            await page.AssertAccessibleAsync($"intake {step} at {width} px");
        }

        await page.GotoAsync("/Intake/New");
        await CheckAsync("step 1");
        await page.CheckAsync("#danger-no");
        await page.ClickAsync("button:has-text('Volgende')");
        await CheckAsync("step 2");
        await page.ClickAsync("button:has-text('Volgende')");
        Assert.Contains("Beschrijf wat u heeft gezien", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await CheckAsync("step 2 with errors");

        await page.FillAsync("#Input_Description", "Man slaapt in de loods van een autowasserette en krijgt geen loon, volgens een buurvrouw.");
        await page.FillAsync("#Input_ObservedOn", DateTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.SelectOptionAsync("#Input_LocationType", "Other");
        await page.FillAsync("#Input_LocationOther", "Autowasserette");
        await page.CheckAsync("#form-Labour");
        await page.ClickAsync("button:has-text('Persoon toevoegen')");
        await page.SelectOptionAsync("#Input_People_0__Role", "PossibleVictim");
        await page.FillAsync("#Input_People_0__Name", "Piotr Voorbeeld");
        await CheckAsync("step 2 with a person");

        await page.ClickAsync("button:has-text('Volgende')");
        Assert.Contains("Stap 3 van 4", await page.InnerTextAsync("[data-testid=intake-step]"), StringComparison.Ordinal);
        await page.CheckAsync("#indicator-L01");
        await CheckAsync("step 3");

        await page.ClickAsync("button:has-text('Controleren')");
        Assert.Contains("Piotr Voorbeeld", await page.InnerTextAsync("[data-testid=review]"), StringComparison.Ordinal);
        await CheckAsync("review");
        await page.Context.CloseAsync();
    }
}
