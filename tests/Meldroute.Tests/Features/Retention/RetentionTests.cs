using System.Net;
using System.Text.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Meldroute.Tests.Features.Retention;

/// <summary>Retention enforced by the system, on a fake clock: closed-without-action signals lose their personal data after the term unless held.</summary>
[Trait("Category", "Integration")]
public abstract class RetentionTests(Database database)
{
    // Today at nine (UTC), not a fixed date: the API checks an observation date against the app's clock, and the
    // signals the tests submit were observed a few real days ago.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(9), TimeSpan.Zero));

    private MeldrouteAppFactory NewApp(string? connectionString = null) => new(
        database,
        settings: connectionString is null ? null : new Dictionary<string, string?> { ["ConnectionStrings:Meldroute"] = connectionString },
        services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));

    private static async Task<string> ClosedWithoutActionAsync(MeldrouteAppFactory app, HttpClient officer)
    {
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Signaal dat na analyse zonder actie wordt afgesloten, bij een vakantiepark."))).GetProperty("id").GetString()!;
        await officer.PostAsync($"/api/signals/{id}/analysis", new { version = await officer.VersionAsync(id), classifiedForms = new[] { "Labour" }, urgency = "Normal", notes = "Geen aanwijzingen gevonden." });
        await officer.PostAsync($"/api/signals/{id}/close", new { version = await officer.VersionAsync(id), reason = "Na navraag geen signalen van uitbuiting." });
        return id;
    }

    private static async Task<RetentionResult> RunAsync(MeldrouteAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunRetention>().RunAsync();
    }

    [Fact]
    public async Task A_signal_closed_without_action_keeps_its_data_for_the_term_and_then_loses_it_with_a_receipt()
    {
        using var app = NewApp();
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var privacyUser = await app.CreateAsync(Roles.PrivacyOfficer);
        var officer = await app.CreateApiClientAsync(officerUser);
        var privacy = await app.CreateApiClientAsync(privacyUser);
        var id = await ClosedWithoutActionAsync(app, officer);

        var upcoming = await (await privacy.GetAsync("/api/retention/upcoming")).JsonAsync(HttpStatusCode.OK);
        var due = Assert.Single(upcoming.EnumerateArray());
        Assert.Equal(clock.GetUtcNow().AddMonths(6), due.GetProperty("dueAt").GetDateTimeOffset());
        Assert.DoesNotContain("description", upcoming.GetRawText(), StringComparison.OrdinalIgnoreCase);

        clock.Advance(TimeSpan.FromDays(180));
        Assert.Equal(0, (await RunAsync(app)).Purged);
        // Tokens expire with the idle time-out; half a year later everyone signs in again.
        officer = await app.CreateApiClientAsync(officerUser);
        Assert.NotNull((await officer.GetSignalAsync(id)).GetProperty("description").GetString());

        clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, (await RunAsync(app)).Purged);
        officer = await app.CreateApiClientAsync(officerUser);
        privacy = await app.CreateApiClientAsync(privacyUser);

        var after = await officer.GetSignalAsync(id);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("description").ValueKind);
        Assert.Empty(after.GetProperty("people").EnumerateArray());
        Assert.Equal(RetentionRules.ClosedWithoutActionRule, after.GetProperty("deletionReceipt").GetProperty("rule").GetString());
        Assert.Empty((await (await privacy.GetAsync("/api/retention/upcoming")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "signal.purged" && e.Purpose!.StartsWith(RetentionRules.ClosedWithoutActionRule)));
    }

    [Fact]
    public async Task A_legal_hold_stops_the_purge_until_it_is_lifted()
    {
        using var app = NewApp();
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var privacyUser = await app.CreateAsync(Roles.PrivacyOfficer);
        var officer = await app.CreateApiClientAsync(officerUser);
        var privacy = await app.CreateApiClientAsync(privacyUser);
        var id = await ClosedWithoutActionAsync(app, officer);
        var reference = (await officer.GetSignalAsync(id)).GetProperty("reference").GetString();

        var unknown = await privacy.PostAsync("/api/retention/holds", new { reference = "MR-1999-0001", reason = "OM" }, HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("Reference", out _));
        var hold = await privacy.PostAsync("/api/retention/holds", new { reference, reason = "Verzoek van het Openbaar Ministerie" }, HttpStatusCode.Created);
        clock.Advance(TimeSpan.FromDays(200));

        var held = await RunAsync(app);
        officer = await app.CreateApiClientAsync(officerUser);
        privacy = await app.CreateApiClientAsync(privacyUser);
        Assert.Equal((0, 1), (held.Purged, held.OnHold));
        Assert.NotNull((await officer.GetSignalAsync(id)).GetProperty("description").GetString());
        Assert.True(Assert.Single((await (await privacy.GetAsync("/api/retention/upcoming")).JsonAsync(HttpStatusCode.OK)).EnumerateArray()).GetProperty("onHold").GetBoolean());

        await privacy.PostAsync($"/api/retention/holds/{hold.GetProperty("id").GetString()}/lift", new { });
        Assert.Equal(1, (await RunAsync(app)).Purged);
        Assert.Equal(JsonValueKind.Null, (await officer.GetSignalAsync(id)).GetProperty("description").ValueKind);
    }

    [Fact]
    public async Task Signals_too_long_in_intake_are_flagged_in_the_officers_inbox()
    {
        using var app = NewApp();
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var officer = await app.CreateApiClientAsync(officerUser);
        var reference = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Signaal dat te lang in de inbox blijft liggen, bij een hotel."))).GetProperty("reference").GetString();

        bool Stuck(JsonElement inbox) => inbox.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("reference").GetString() == reference).GetProperty("stuck").GetBoolean();
        Assert.False(Stuck(await (await officer.GetAsync("/api/signals")).JsonAsync(HttpStatusCode.OK)));
        clock.Advance(TimeSpan.FromDays(11));
        officer = await app.CreateApiClientAsync(officerUser);

        Assert.True(Stuck(await (await officer.GetAsync("/api/signals")).JsonAsync(HttpStatusCode.OK)));
        Assert.Contains("Te lang in de intake", await (await app.SignInAsync(officerUser)).GetStringAsync("/Handling"));
        var run = await RunAsync(app);
        Assert.Equal((1, 0), (run.StuckInIntake, run.DecisionsNotForwarded));

        // The inbox's age filter compares instants in the database (SQLite stores them as sortable numbers).
        string[] References(JsonElement inbox) => [.. inbox.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("reference").GetString()!)];
        Assert.Contains(reference, References(await (await officer.GetAsync("/api/signals?olderThanDays=10")).JsonAsync(HttpStatusCode.OK)));
        Assert.DoesNotContain(reference, References(await (await officer.GetAsync("/api/signals?olderThanDays=30")).JsonAsync(HttpStatusCode.OK)));
    }

    [Fact]
    public async Task A_decision_not_forwarded_within_the_norm_is_flagged_in_the_inbox_and_counted_by_the_retention_run_without_personal_data()
    {
        using var app = NewApp();
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var officer = await app.CreateApiClientAsync(officerUser);
        var member = await app.CreateAsync(Roles.CaseTableMember);
        var submitted = await reporter.SubmitAsync(ProcedureApi.NewSignal("Signaal waarvan het besluit blijft liggen, bij een uitzendbureau.", victimName: "Dana Vastgelopen"));
        var (id, reference) = (submitted.GetProperty("id").GetString()!, submitted.GetProperty("reference").GetString());
        await app.DecideAsync(officer, id, member.Id);

        async Task<JsonElement> RowAsync() => (await (await officer.GetAsync("/api/signals")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("reference").GetString() == reference);
        var fresh = await RowAsync();
        Assert.Equal(("Decided", false, JsonValueKind.Null), (fresh.GetProperty("status").GetString(), fresh.GetProperty("stuck").GetBoolean(), fresh.GetProperty("stuckReason").ValueKind));
        var early = await RunAsync(app);
        Assert.Equal((0, 0), (early.StuckInIntake, early.DecisionsNotForwarded));

        // Past the norm (10 days by default) counted from the decision; the signal was received the same day.
        clock.Advance(TimeSpan.FromDays(11));
        officer = await app.CreateApiClientAsync(officerUser);
        var late = await RowAsync();
        Assert.Equal((true, "DecisionNotForwarded"), (late.GetProperty("stuck").GetBoolean(), late.GetProperty("stuckReason").GetString()));
        var inbox = await (await app.SignInAsync(officerUser)).GetStringAsync("/Handling");
        Assert.Contains("Besluit niet doorgezet", inbox);
        Assert.DoesNotContain("Te lang in de intake", inbox);
        var result = await RunAsync(app);
        Assert.Equal((0, 1, 0), (result.StuckInIntake, result.DecisionsNotForwarded, result.Purged));

        // Flagged, not purged: the decided routes still need the content (see docs/privacy.md, Retention).
        Assert.NotNull((await officer.GetSignalAsync(id)).GetProperty("description").GetString());
        await using var scope = app.Services.CreateAsyncScope();
        var runs = await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents
            .Where(e => e.Action == "retention.run").Select(e => e.Purpose!).ToListAsync();
        Assert.Contains(runs, p => p.Contains("stuck=0, not-forwarded=1", StringComparison.Ordinal));
        Assert.All(runs, p => Assert.DoesNotContain(reference!, p, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Dana Vastgelopen", StringComparison.OrdinalIgnoreCase) || l.Contains("uitzendbureau", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_meeting_title_is_cleared_a_term_after_the_meeting_and_shown_as_a_neutral_name_unless_a_held_signal_is_on_its_agenda()
    {
        using var app = NewApp();
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var privacyUser = await app.CreateAsync(Roles.PrivacyOfficer);
        var officer = await app.CreateApiClientAsync(officerUser);
        var member = await app.CreateAsync(Roles.CaseTableMember);
        async Task<string> MeetingAsync(string title, DateTimeOffset at) =>
            (await officer.PostAsync("/api/meetings", new { title, scheduledAt = at, attendeeIds = new[] { member.Id } }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var held = clock.GetUtcNow().AddDays(-1);
        var named = await MeetingAsync("LOO casus familie Jansen", held);
        var withHold = await MeetingAsync("LOO casus Pietersen", held);
        var later = await MeetingAsync("LOO casus De Vries", clock.GetUtcNow().AddDays(30));
        var signal = await reporter.SubmitAsync(ProcedureApi.NewSignal("Signaal op de agenda van een overleg, bij een nagelstudio."));
        var (id, reference) = (signal.GetProperty("id").GetString()!, signal.GetProperty("reference").GetString());
        await officer.PostAsync($"/api/signals/{id}/analysis", new { version = await officer.VersionAsync(id), classifiedForms = new[] { "Labour" }, urgency = "Normal", notes = "Bespreken." });
        await officer.PostAsync($"/api/signals/{id}/schedule", new { version = await officer.VersionAsync(id), meetingId = withHold });
        var hold = await (await app.CreateApiClientAsync(privacyUser)).PostAsync("/api/retention/holds", new { reference, reason = "Verzoek van het Openbaar Ministerie" }, HttpStatusCode.Created);

        async Task<Dictionary<string, string>> TitlesAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().CaseTableMeetings.ToDictionaryAsync(m => m.Id.ToString(), m => m.Title);
        }

        // The term (6 months) runs from the meeting, not from its creation.
        clock.Advance(TimeSpan.FromDays(180));
        Assert.Equal(0, (await RunAsync(app)).MeetingTitlesPurged);
        clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(1, (await RunAsync(app)).MeetingTitlesPurged);
        var titles = await TitlesAsync();
        Assert.Equal(("", "LOO casus Pietersen", "LOO casus De Vries"), (titles[named], titles[withHold], titles[later]));
        Assert.Equal(0, (await RunAsync(app)).MeetingTitlesPurged);

        officer = await app.CreateApiClientAsync(officerUser);
        Assert.Equal(JsonValueKind.Null, (await (await officer.GetAsync($"/api/meetings/{named}/decisions")).JsonAsync(HttpStatusCode.OK)).GetProperty("title").ValueKind);
        var page = await app.SignInAsync(officerUser);
        var neutral = "Overleg van " + held.ToLocalTime().ToString("d MMMM yyyy", new System.Globalization.CultureInfo("nl"));
        var index = await page.GetStringAsync("/CaseTable");
        Assert.Contains(neutral, index);
        Assert.DoesNotContain("Jansen", index);
        Assert.Contains(neutral, await page.GetStringAsync($"/CaseTable/Meeting/{named}"));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var runs = await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents.Where(e => e.Action == "retention.run").Select(e => e.Purpose!).ToListAsync();
            Assert.Contains(runs, p => p.Contains("meeting-titles-purged=1", StringComparison.Ordinal));
            Assert.All(runs, p => Assert.DoesNotContain("Jansen", p, StringComparison.Ordinal));
        }

        await (await app.CreateApiClientAsync(privacyUser)).PostAsync($"/api/retention/holds/{hold.GetProperty("id").GetString()}/lift", new { });
        Assert.Equal(1, (await RunAsync(app)).MeetingTitlesPurged);
        Assert.Equal("", (await TitlesAsync())[withHold]);
        var agenda = Assert.Single((await officer.GetSignalAsync(id)).GetProperty("agenda").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, agenda.GetProperty("meetingTitle").ValueKind);
        Assert.Contains(neutral, await page.GetStringAsync($"/Handling/Signal/{id}"));
    }

    [Fact]
    public async Task The_daily_job_runs_once_a_day_even_with_two_app_instances_on_one_database()
    {
        using var first = NewApp();
        _ = first.Services;
        using var second = NewApp(first.ConnectionString);

        var ranFirst = await first.Services.GetRequiredService<RetentionJob>().RunOnceForTodayAsync(CancellationToken.None);
        var ranSecond = await second.Services.GetRequiredService<RetentionJob>().RunOnceForTodayAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(1));
        var ranNextDay = await second.Services.GetRequiredService<RetentionJob>().RunOnceForTodayAsync(CancellationToken.None);

        Assert.Equal((true, false, true), (ranFirst, ranSecond, ranNextDay));
        await using var scope = first.Services.CreateAsyncScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents.CountAsync(e => e.Action == "retention.run"));
    }
}

public sealed class RetentionTestsOnSqlite() : RetentionTests(Database.Sqlite);

public sealed class RetentionTestsOnPostgres() : RetentionTests(Database.Postgres);
