using System.Net;
using Meldroute.Tests.TestSupport;

namespace Meldroute.Tests.Features.CaseTable;

/// <summary>
/// The case table as a meeting in the browser (issue 19), at 390 and 1,280 px: the chair records attendance, the
/// member present gives their contribution (first wrongly, then right), the officer hands the chair to the member, who
/// opens the decision form; the minutes download as a PDF. Every page on the way passes axe-core and does not scroll
/// sideways.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class MeetingBrowserTests(BrowserApp browser)
{
    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task The_chair_records_attendance_the_member_present_contributes_and_the_minutes_download(int width)
    {
        var reporterApi = await browser.DemoApiAsync("melder@meldroute.test");
        var officerApi = await browser.DemoApiAsync("aandachtsfunctionaris@meldroute.test");
        var signal = await reporterApi.SubmitAsync(ProcedureApi.NewSignal($"Jongeman ({width}) werkt zonder contract in een kas en woont in een container op het terrein."));
        var signalId = signal.GetProperty("id").GetString()!;
        var reference = signal.GetProperty("reference").GetString()!;
        await officerApi.PostAsync($"/api/signals/{signalId}/analysis", new { version = await officerApi.VersionAsync(signalId), classifiedForms = new[] { "Labour" }, urgency = "Normal", confirmedIndicatorCodes = Array.Empty<string>(), notes = "Nagegaan." });
        var title = $"LOO overleg {width} {Guid.NewGuid().ToString("N")[..6]}";
        var meetingId = (await officerApi.PostAsync("/api/meetings", new { title, scheduledAt = DateTimeOffset.UtcNow.AddHours(1), attendeeIds = new[] { await browser.App.UserIdAsync("casustafel@meldroute.test") } }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await officerApi.PostAsync($"/api/signals/{signalId}/schedule", new { version = await officerApi.VersionAsync(signalId), meetingId });
        var url = $"/CaseTable/Meeting/{meetingId}";

        // The officer who planned it chairs it and records who is there.
        var officer = await browser.NewPageAsync(width: width);
        await officer.SignInAsync("aandachtsfunctionaris@meldroute.test");
        await officer.GotoAsync(url);
        Assert.Contains("Demo Aandachtsfunctionaris", await officer.InnerTextAsync("[data-testid=meeting-chair]"), StringComparison.Ordinal);
        await Check(officer, "meeting page for its chair");
        // The demo member is the one invitee (the officer chairs without being invited).
        await officer.CheckAsync("#presence-0-Present");
        await officer.ClickAsync("button:has-text('Aanwezigheid vastleggen')");
        Assert.Contains("De aanwezigheid is vastgelegd.", await officer.InnerTextAsync("[data-testid=done]"), StringComparison.Ordinal);
        Assert.True(await officer.IsCheckedAsync("#presence-0-Present"));
        await Check(officer, "meeting page after recording attendance");

        // The member present contributes: an empty note is refused next to the field, then saved and shown.
        var member = await browser.NewPageAsync(width: width);
        await member.SignInAsync("casustafel@meldroute.test");
        await member.GotoAsync(url);
        var item = member.Locator($"[data-reference='{reference}']");
        await item.Locator("button:has-text('Inbreng opslaan')").ClickAsync();
        Assert.Contains("Vul dit veld in.", await member.Locator($"[data-reference='{reference}'] .utrecht-form-field-error-message").InnerTextAsync(), StringComparison.Ordinal);
        await Check(member, "meeting page with a refused contribution");
        await member.FillAsync($"#contribution-{signalId}", "De werkgever is bekend bij het wijkteam; eerdere klachten over huisvesting.");
        await member.Locator($"[data-reference='{reference}'] button:has-text('Inbreng opslaan')").ClickAsync();
        Assert.Contains("Uw inbreng is opgeslagen.", await member.InnerTextAsync("[data-testid=done]"), StringComparison.Ordinal);
        Assert.Contains("eerdere klachten over huisvesting", await member.Locator($"[data-reference='{reference}'] [data-testid=contributions]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await member.Locator("[data-testid=attendance-form]").CountAsync());
        await Check(member, "meeting page for a member present, with a contribution");

        // While the officer chairs, the signal's page sends them straight to the decision form.
        await officer.GotoAsync($"/Handling/Signal/{signalId}");
        Assert.Equal("Besluit vastleggen", (await officer.Locator("[data-testid=next-action-go]").InnerTextAsync()).Trim());
        Assert.Contains("/CaseTable/Decide/", await officer.Locator("[data-testid=next-action-go]").GetAttributeAsync("href"), StringComparison.Ordinal);

        // The officer gives the chair to the member, who then records the decision from the meeting's page.
        await officer.GotoAsync(url);
        Assert.Contains("eerdere klachten over huisvesting", await officer.InnerTextAsync("[data-testid=contributions]"), StringComparison.Ordinal);
        await officer.SelectOptionAsync("#Chair_ChairId", new Microsoft.Playwright.SelectOptionValue { Label = "Demo Lid casustafel" });
        await officer.ClickAsync("button:has-text('Voorzitter wijzigen')");
        Assert.Contains("Demo Lid casustafel", await officer.InnerTextAsync("[data-testid=meeting-chair]"), StringComparison.Ordinal);
        Assert.Equal(0, await officer.Locator("[data-testid=attendance-form]").CountAsync());
        await Check(officer, "meeting page for an officer who no longer chairs it");

        // On the signal's page the next step points the officer, no longer the chair, to the meeting, not to the decision form.
        await officer.GotoAsync($"/Handling/Signal/{signalId}");
        var go = officer.Locator("[data-testid=next-action-go]");
        Assert.Equal("Naar de vergadering: de voorzitter legt het besluit vast", (await go.InnerTextAsync()).Trim());
        Assert.EndsWith(url, await go.GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Equal(0, await officer.Locator("a:has-text('Besluit vastleggen')").CountAsync());

        await member.GotoAsync(url);
        await member.ClickAsync($"[data-reference='{reference}'] a:has-text('Besluit vastleggen')");
        Assert.Contains($"Besluit over {reference}", await member.InnerTextAsync("h1"), StringComparison.Ordinal);
        await Check(member, "decision page for a member who chairs");

        // The minutes, as a PDF.
        await member.GotoAsync(url);
        var pdf = await member.RunAndWaitForDownloadAsync(() => member.ClickAsync("[data-testid=minutes-pdf]"));
        Assert.EndsWith(".pdf", pdf.SuggestedFilename, StringComparison.Ordinal);
        Assert.DoesNotContain(title, pdf.SuggestedFilename, StringComparison.Ordinal);

        await member.Context.CloseAsync();
        await officer.Context.CloseAsync();

        async Task Check(Microsoft.Playwright.IPage page, string what)
        {
            await page.AssertNoSidewaysScrollAsync($"{what} at {width} px");
            await page.AssertAccessibleAsync($"{what} at {width} px");
        }
    }
}
