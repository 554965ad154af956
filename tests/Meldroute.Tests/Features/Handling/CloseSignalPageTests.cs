using System.Globalization;
using System.Net;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Handling;

/// <summary>
/// Closing a signal on its page is for good, so it takes two posts (issue 16): the first shows what will happen and
/// changes nothing, only the confirmed one closes. Plain form posts, as a browser without JavaScript sends them.
/// </summary>
[Trait("Category", "Integration")]
public abstract class CloseSignalPageTests(MeldrouteAppFactory app)
{
    private const string Reason = "Na navraag bij het hotel geen aanwijzingen voor uitbuiting.";

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>An officer with an API client (to set up) and a signed-in browser session (to use the page), and a signal (analysed unless told).</summary>
    private async Task<(HttpClient Officer, HttpClient Page, string Id, string Reference)> SignalAsync(bool analyse = true)
    {
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var officer = await app.CreateApiClientAsync(officerUser);
        var signal = await reporter.SubmitAsync(ProcedureApi.NewSignal("Man slaapt in de loods van een uitzendbureau en werkt er zeven dagen per week."));
        var id = signal.GetProperty("id").GetString()!;
        if (analyse)
        {
            await officer.PostAsync($"/api/signals/{id}/analysis", new { version = await officer.VersionAsync(id), classifiedForms = new[] { "Labour" }, urgency = "Normal", confirmedIndicatorCodes = Array.Empty<string>(), notes = "Nagegaan." });
        }

        return (officer, await app.SignInAsync(officerUser), id, signal.GetProperty("reference").GetString()!);
    }

    private static async Task<HttpResponseMessage> PostCloseAsync(HttpClient page, string id, Dictionary<string, string> fields) =>
        await page.PostFormAsync($"/Handling/Signal/{id}", fields, $"/Handling/Signal/{id}?handler=Close");

    private static async Task<string> HtmlAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<int> ClosedEventsAsync(string reference)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents.CountAsync(e => e.Action == "signal.closed" && e.ObjectId == reference);
    }

    [Fact]
    public async Task Closing_without_action_first_shows_what_will_happen_and_closes_only_when_confirmed()
    {
        var (officer, page, id, reference) = await SignalAsync();
        var version = await officer.VersionAsync(id);
        var purgeAround = new[] { DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5) }.Select(d => d.AddMonths(6).ToLocalTime().ToString("d", Dutch)).ToList();

        var html = await HtmlAsync(await PostCloseAsync(page, id, new() { ["Version"] = version, ["Close.Reason"] = Reason }));

        Assert.Contains("data-testid=\"confirm-step\"", html, StringComparison.Ordinal);
        Assert.Contains($"Signaal {reference} afsluiten zonder actie?", html, StringComparison.Ordinal);
        Assert.Contains("De status wordt 'Afgesloten zonder actie'.", html, StringComparison.Ordinal);
        Assert.Contains("Als reden wordt vastgelegd: " + Reason, html, StringComparison.Ordinal);
        Assert.Contains("De melder ziet daarna de algemene status 'Afgehandeld'", html, StringComparison.Ordinal);
        Assert.Contains("Er gaat nog geen terugkoppeling naar de melder", html, StringComparison.Ordinal);
        Assert.Contains("na de bewaartermijn van 6 maanden definitief verwijderd", html, StringComparison.Ordinal);
        Assert.Contains(purgeAround, date => html.Contains("rond " + date, StringComparison.Ordinal));
        // The panel posts what the user typed again, with the confirmation; the first form is gone.
        Assert.Contains($"<input type=\"hidden\" name=\"Version\" value=\"{version}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"Close.Reason\" value=\"{Reason}\">", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"Confirmed\" value=\"true\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Close_Reason\"", html, StringComparison.Ordinal);
        Assert.Equal("InAnalysis", (await officer.GetSignalAsync(id)).GetProperty("status").GetString());
        Assert.Equal(0, await ClosedEventsAsync(reference));

        var confirmed = await PostCloseAsync(page, id, new() { ["Version"] = version, ["Close.Reason"] = Reason, ["Confirmed"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal($"/Handling/Signal/{id}?done=Close", confirmed.Headers.Location?.OriginalString);
        var detail = await officer.GetSignalAsync(id);
        Assert.Equal("ClosedWithoutAction", detail.GetProperty("status").GetString());
        Assert.Equal(Reason, detail.GetProperty("decisionReason").GetString());
        Assert.Equal(1, await ClosedEventsAsync(reference));
    }

    [Fact]
    public async Task A_close_that_would_be_refused_shows_the_message_instead_of_a_confirmation()
    {
        var (officer, page, id, reference) = await SignalAsync();
        var version = await officer.VersionAsync(id);

        var withoutReason = await HtmlAsync(await PostCloseAsync(page, id, new() { ["Version"] = version, ["Close.Reason"] = "  " }));

        Assert.Matches("id=\"Close_Reason-error\"><p class=\"utrecht-paragraph\">Geef een reden op.</p>", withoutReason);
        Assert.DoesNotContain("data-testid=\"confirm-step\"", withoutReason, StringComparison.Ordinal);

        // Someone else changed the signal after the user opened it: refused now, not only once confirmed.
        await officer.PostAsync($"/api/signals/{id}/analysis", new { version, classifiedForms = new[] { "Labour" }, urgency = "High", confirmedIndicatorCodes = Array.Empty<string>(), notes = "Spoed." });
        var stale = await HtmlAsync(await PostCloseAsync(page, id, new() { ["Version"] = version, ["Close.Reason"] = Reason }));

        Assert.Contains($"Signaal {reference} is intussen door iemand anders gewijzigd.", stale, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"confirm-step\"", stale, StringComparison.Ordinal);
        Assert.Equal("InAnalysis", (await officer.GetSignalAsync(id)).GetProperty("status").GetString());

        // A signal the state machine may not close yet (still Received) is refused with the reason why.
        var (_, _, receivedId, _) = await SignalAsync(analyse: false);
        var received = await HtmlAsync(await PostCloseAsync(page, receivedId, new() { ["Version"] = await officer.VersionAsync(receivedId), ["Close.Reason"] = Reason }));

        Assert.Contains("Een signaal met de status Ontvangen kan niet naar Afgesloten zonder actie.", received, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"confirm-step\"", received, StringComparison.Ordinal);
        Assert.Equal("Received", (await officer.GetSignalAsync(receivedId)).GetProperty("status").GetString());

        // The confirmed post is checked as well: a stale confirmation closes nothing.
        var staleConfirmed = await HtmlAsync(await PostCloseAsync(page, id, new() { ["Version"] = version, ["Close.Reason"] = Reason, ["Confirmed"] = "true" }));

        Assert.Contains($"Signaal {reference} is intussen door iemand anders gewijzigd.", staleConfirmed, StringComparison.Ordinal);
        Assert.Equal("InAnalysis", (await officer.GetSignalAsync(id)).GetProperty("status").GetString());
        Assert.Equal(0, await ClosedEventsAsync(reference));
    }

    [Fact]
    public async Task A_case_table_member_who_may_read_the_signal_gets_no_confirmation_and_the_denial_is_logged()
    {
        var member = await app.CreateAsync(Roles.CaseTableMember);
        var (officer, _, id, reference) = await SignalAsync(analyse: false);
        await app.DecideAsync(officer, id, member.Id);
        var memberPage = await app.SignInAsync(member);
        Assert.Equal(HttpStatusCode.OK, (await memberPage.GetAsync($"/Handling/Signal/{id}")).StatusCode);

        var response = await PostCloseAsync(memberPage, id, new() { ["Version"] = await officer.VersionAsync(id), ["Close.Reason"] = Reason });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("data-testid=\"confirm-step\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Decided", (await officer.GetSignalAsync(id)).GetProperty("status").GetString());
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents
            .AnyAsync(e => e.Action == "signal.closed" && e.ObjectId == reference && e.Outcome == Meldroute.Web.Features.Audit.AuditOutcome.Denied && e.ActorId == member.Id));
    }
}

[Collection(ProcedureApiOnSqlite.Name)]
public sealed class CloseSignalPageTestsOnSqlite(SqliteApp app) : CloseSignalPageTests(app);

[Collection(ProcedureApiOnPostgres.Name)]
public sealed class CloseSignalPageTestsOnPostgres(PostgresApp app) : CloseSignalPageTests(app);
