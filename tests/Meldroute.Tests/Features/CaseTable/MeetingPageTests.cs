using System.Net;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.CaseTable;

/// <summary>
/// Closing a meeting on its page ends its attendees' access for good, so it takes two posts (issue 16): the first
/// shows who loses access and which signals still lack a decision and changes nothing; only the confirmed one closes.
/// </summary>
[Trait("Category", "Integration")]
public abstract class MeetingPageTests(MeldrouteAppFactory app)
{
    [Fact]
    public async Task Closing_a_meeting_first_shows_what_will_happen_and_closes_only_when_confirmed()
    {
        var (reporter, officer, member, memberClient) = await app.ActorsAsync();
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var page = await app.SignInAsync(officerUser);
        var decided = await reporter.SubmitAsync(ProcedureApi.NewSignal("Vrouw in een massagesalon heeft geen eigen paspoort en woont boven de salon."));
        var (meetingId, _, _) = await app.DecideAsync(officer, decided.GetProperty("id").GetString()!, member.Id);
        var open = await reporter.SubmitAsync(ProcedureApi.NewSignal("Jongens op een scooter halen elke avond pakketjes op bij een woning aan de rand van het dorp."));
        var openId = open.GetProperty("id").GetString()!;
        await officer.PostAsync($"/api/signals/{openId}/analysis", new { version = await officer.VersionAsync(openId), classifiedForms = new[] { "Criminal" }, urgency = "High", confirmedIndicatorCodes = Array.Empty<string>(), notes = "Nagegaan." });
        await officer.PostAsync($"/api/signals/{openId}/schedule", new { version = await officer.VersionAsync(openId), meetingId });
        var url = $"/CaseTable/Meeting/{meetingId}";

        var first = await page.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=Close");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"confirm-step\"", html, StringComparison.Ordinal);
        Assert.Contains("Overleg 'LOO december' sluiten?", html, StringComparison.Ordinal);
        Assert.Contains("De deelnemer van het overleg ziet de signalen van deze agenda daarna niet meer", html, StringComparison.Ordinal);
        // Only the signal without a decision is listed.
        Assert.Contains($"Nog zonder besluit: {open.GetProperty("reference").GetString()}. Deze signalen houden de status 'Op agenda casustafel'", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"Confirmed\" value=\"true\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Overleg sluiten</button>", html, StringComparison.Ordinal);
        Assert.Null(await ClosedAtAsync(meetingId));
        Assert.Equal(HttpStatusCode.OK, (await memberClient.GetAsync($"/api/signals/{openId}")).StatusCode);

        var confirmed = await page.PostFormAsync(url, new Dictionary<string, string> { ["Confirmed"] = "true" }, url + "?handler=Close");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(url, confirmed.Headers.Location?.OriginalString);
        Assert.NotNull(await ClosedAtAsync(meetingId));
        Assert.Equal(HttpStatusCode.NotFound, (await memberClient.GetAsync($"/api/signals/{openId}")).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents.CountAsync(e => e.Action == "meeting.closed" && e.ObjectId == meetingId));
        }

        var after = WebUtility.HtmlDecode(await page.GetStringAsync(url));
        Assert.DoesNotContain("data-testid=\"confirm-step\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain(">Overleg sluiten</button>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_a_meeting_whose_signals_all_have_a_decision_says_so()
    {
        var (reporter, officer, member, _) = await app.ActorsAsync();
        var page = await app.SignInAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var signal = await reporter.SubmitAsync(ProcedureApi.NewSignal("Kassamedewerker ziet dezelfde jonge vrouw steeds met een andere oudere man boodschappen doen."));
        var (meetingId, _, _) = await app.DecideAsync(officer, signal.GetProperty("id").GetString()!, member.Id);
        var url = $"/CaseTable/Meeting/{meetingId}";

        var html = WebUtility.HtmlDecode(await (await page.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=Close")).Content.ReadAsStringAsync());

        Assert.Contains("Elk signaal op de agenda heeft een besluit.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nog zonder besluit", html, StringComparison.Ordinal);
        Assert.Null(await ClosedAtAsync(meetingId));
    }

    private async Task<DateTimeOffset?> ClosedAtAsync(string meetingId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().CaseTableMeetings.SingleAsync(m => m.Id == Guid.Parse(meetingId))).ClosedAt;
    }
}

[Collection(ProcedureApiOnSqlite.Name)]
public sealed class MeetingPageTestsOnSqlite(SqliteApp app) : MeetingPageTests(app);

[Collection(ProcedureApiOnPostgres.Name)]
public sealed class MeetingPageTestsOnPostgres(PostgresApp app) : MeetingPageTests(app);
