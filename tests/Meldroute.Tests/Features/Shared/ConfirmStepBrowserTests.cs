using System.Net;
using Meldroute.Tests.TestSupport;

namespace Meldroute.Tests.Features.Shared;

/// <summary>
/// Irreversible steps ask first (issue 16): closing a signal and closing a meeting, as the officer does it in the
/// browser. The first click shows what will happen, with focus on it, and changes nothing; cancel leaves everything as
/// it was; only the confirmation's own button performs the step. axe-core runs on each confirmation.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class ConfirmStepBrowserTests(BrowserApp browser)
{
    [Fact]
    public async Task Closing_a_signal_and_closing_a_meeting_each_take_a_confirmation_that_says_what_will_happen()
    {
        // Set up through the API, as the demo accounts: a signal in analysis, and a meeting with one undecided signal.
        var reporterApi = await browser.DemoApiAsync("melder@meldroute.test");
        var officerApi = await browser.DemoApiAsync("aandachtsfunctionaris@meldroute.test");
        var toClose = await AnalysedAsync(reporterApi, officerApi, "Schoonmaker in een vakantiepark krijgt haar loon contant en veel te laat uitbetaald.");
        var onAgenda = await AnalysedAsync(reporterApi, officerApi, "Buurman ziet steeds andere jonge vrouwen aankomen bij een appartement met geblindeerde ramen.");
        var title = "LOO bevestigen " + Guid.NewGuid().ToString("N")[..6];
        var meeting = await officerApi.PostAsync("/api/meetings", new { title, scheduledAt = DateTimeOffset.UtcNow.AddDays(2), attendeeIds = new[] { await browser.App.UserIdAsync("casustafel@meldroute.test") } }, HttpStatusCode.Created);
        var meetingId = meeting.GetProperty("id").GetString()!;
        await officerApi.PostAsync($"/api/signals/{onAgenda.Id}/schedule", new { version = await officerApi.VersionAsync(onAgenda.Id), meetingId });

        var officer = await browser.NewPageAsync();
        await officer.SignInAsync("aandachtsfunctionaris@meldroute.test");

        // Closing a signal without action.
        await officer.GotoAsync($"/Handling/Signal/{toClose.Id}");
        // Closing without action is an alternative to the next step (the case table): its folded section opens from the panel's link.
        Assert.False(await officer.IsVisibleAsync("#Close_Reason"));
        await officer.ClickAsync("[data-testid=next-action-alternatives] a:has-text('afsluiten zonder actie')");
        await officer.FillAsync("#Close_Reason", "Geen aanwijzingen voor uitbuiting na gesprek met de beheerder.");
        await officer.ClickAsync("button:has-text('Afsluiten zonder actie')");
        var panel = officer.Locator("[data-testid=confirm-step]");
        Assert.Contains($"Signaal {toClose.Reference} afsluiten zonder actie?", await panel.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("De status wordt 'Afgesloten zonder actie'", await panel.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("bewaartermijn van 6 maanden", await panel.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("In analyse", await officer.InnerTextAsync("[data-testid=signal-status]"));
        Assert.Equal("confirm-close", await officer.EvaluateAsync<string>("() => document.activeElement.id"));
        await officer.AssertAccessibleAsync("signal page asking to confirm closing");

        await officer.ClickAsync("[data-testid=confirm-step] a:has-text('Annuleren')");
        Assert.Equal(0, await panel.CountAsync());
        Assert.Equal("In analyse", await officer.InnerTextAsync("[data-testid=signal-status]"));

        // Cancel leads back into the section (#close-body), open again, to fill in.
        await officer.FillAsync("#Close_Reason", "Geen aanwijzingen voor uitbuiting na gesprek met de beheerder.");
        await officer.ClickAsync("button:has-text('Afsluiten zonder actie')");
        await officer.ClickAsync("[data-testid=confirm-step] button:has-text('Ja, afsluiten zonder actie')");
        Assert.Equal("Afgesloten zonder actie", await officer.InnerTextAsync("[data-testid=signal-status]"));
        Assert.Equal(0, await panel.CountAsync());

        // Closing a meeting.
        await officer.GotoAsync($"/CaseTable/Meeting/{meetingId}");
        await officer.ClickAsync("button:has-text('Overleg sluiten')");
        var meetingPanel = await panel.InnerTextAsync();
        Assert.Contains($"Overleg '{title}' sluiten?", meetingPanel, StringComparison.Ordinal);
        Assert.Contains("De deelnemer van het overleg ziet de signalen van deze agenda daarna niet meer", meetingPanel, StringComparison.Ordinal);
        Assert.Contains($"Nog zonder besluit: {onAgenda.Reference}.", meetingPanel, StringComparison.Ordinal);
        Assert.Equal("confirm-meeting-close", await officer.EvaluateAsync<string>("() => document.activeElement.id"));
        await officer.AssertAccessibleAsync("meeting page asking to confirm closing");

        await officer.ClickAsync("[data-testid=confirm-step] button:has-text('Ja, overleg sluiten')");
        // Retried until the page after the redirect shows it (the meeting's page has more paragraphs than its date).
        await Microsoft.Playwright.Assertions.Expect(officer.Locator("[data-testid=meeting-when]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(" · gesloten$"));
        Assert.Equal(0, await officer.Locator("button:has-text('Overleg sluiten')").CountAsync());
        await officer.AssertAccessibleAsync("closed meeting");

        await officer.Context.CloseAsync();
    }

    private static async Task<(string Id, string Reference)> AnalysedAsync(HttpClient reporter, HttpClient officer, string description)
    {
        var signal = await reporter.SubmitAsync(ProcedureApi.NewSignal(description));
        var id = signal.GetProperty("id").GetString()!;
        await officer.PostAsync($"/api/signals/{id}/analysis", new { version = await officer.VersionAsync(id), classifiedForms = new[] { "Labour" }, urgency = "Normal", confirmedIndicatorCodes = Array.Empty<string>(), notes = "Nagegaan." });
        return (id, signal.GetProperty("reference").GetString()!);
    }
}
