using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Meldroute.Tests.Infrastructure;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Signals;

/// <summary>The whole reporting procedure through the JSON API, on both databases.</summary>
public abstract class ProcedureApiTests(MeldrouteAppFactory app)
{
    private async Task<(HttpClient Reporter, HttpClient Officer, TestUser Member, HttpClient MemberClient)> ActorsAsync()
    {
        var member = await app.CreateAsync(Roles.CaseTableMember);
        return (await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter)),
            await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer)),
            member,
            await app.CreateApiClientAsync(member));
    }

    [Fact]
    public async Task A_signal_goes_from_intake_through_the_case_table_to_forwarding_and_its_personal_data_is_deleted()
    {
        var (reporter, officer, member, memberClient) = await ActorsAsync();

        var submitted = await reporter.SubmitAsync(ProcedureApi.NewSignal("Meisje van ongeveer 16 werkt 's nachts in het hotel en lijkt bang voor haar begeleider."));
        var id = submitted.GetProperty("id").GetString()!;
        Assert.Matches(@"^MR-\d{4}-\d{4}$", submitted.GetProperty("reference").GetString());
        Assert.Equal("Received", submitted.GetProperty("status").GetString());

        var mine = await (await reporter.GetAsync("/api/my/signals")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Received", mine.EnumerateArray().Single(s => s.GetProperty("id").GetString() == id).GetProperty("status").GetString());

        var (meetingId, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, id, member.Id);
        Assert.Equal("InProgress", (await (await reporter.GetAsync("/api/my/signals")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Single().GetProperty("status").GetString());

        // The member attends the meeting: sees the signal, and the decision list shows references, forms and routes, never names.
        Assert.Equal(HttpStatusCode.OK, (await memberClient.GetAsync($"/api/signals/{id}")).StatusCode);
        var decisions = await (await memberClient.GetAsync($"/api/meetings/{meetingId}/decisions")).Content.ReadAsStringAsync();
        Assert.Contains(submitted.GetProperty("reference").GetString()!, decisions, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", decisions, StringComparison.Ordinal);
        Assert.DoesNotContain("Piet", decisions, StringComparison.Ordinal);

        // Victim data may not go out before a balancing of interests.
        var refused = await officer.GetAsync($"/api/signals/{id}/routes/{victimRoute}/handover");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        await officer.PostAsync($"/api/signals/{id}/balancing", new
        {
            version = await officer.VersionAsync(id),
            weighedBy = "aandachtsfunctionaris en zorgcoördinator",
            purpose = "Zorg en veiligheid van het mogelijke slachtoffer.",
            necessity = "Zonder gegevens geen zorgcoördinatie.",
            proportionality = "Alleen gegevens over het slachtoffer.",
            subsidiarity = "Geen minder ingrijpend alternatief.",
            sharingJustified = true,
            outcome = "Delen met HVO-Querido is gerechtvaardigd.",
        });

        var victimSheet = await (await officer.GetAsync($"/api/signals/{id}/routes/{victimRoute}/handover")).JsonAsync(HttpStatusCode.OK);
        var victimPeople = victimSheet.GetProperty("people").EnumerateArray().ToList();
        Assert.Equal("Anna Testpersoon", Assert.Single(victimPeople).GetProperty("name").GetString());
        var suspectSheet = await (await officer.GetAsync($"/api/signals/{id}/routes/{perpetratorRoute}/handover")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Piet Verdachte", Assert.Single(suspectSheet.GetProperty("people").EnumerateArray()).GetProperty("name").GetString());

        var (care, riec) = await app.EnsurePartnersAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var first = await officer.PostAsync($"/api/signals/{id}/forwarding", new { version = await officer.VersionAsync(id), routeId = victimRoute, partnerId = care, channel = "SecureMail", forwardedOn = today });
        Assert.Equal("Decided", first.GetProperty("status").GetString());
        var last = await officer.PostAsync($"/api/signals/{id}/forwarding", new { version = first.GetProperty("version").GetString(), routeId = perpetratorRoute, partnerId = riec, channel = "RiecIs", forwardedOn = today });
        Assert.Equal("Forwarded", last.GetProperty("status").GetString());

        var after = await officer.GetSignalAsync(id);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("description").ValueKind);
        Assert.Empty(after.GetProperty("people").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("analysisNotes").ValueKind);
        Assert.All(after.GetProperty("routes").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("reason").ValueKind));
        Assert.All(after.GetProperty("agenda").EnumerateArray(), a => Assert.Equal(JsonValueKind.Null, a.GetProperty("assessment").ValueKind));
        var receipt = after.GetProperty("deletionReceipt");
        Assert.Equal(2, receipt.GetProperty("people").GetInt32());
        Assert.Equal("plan-11-delete-on-forwarding", receipt.GetProperty("rule").GetString());
        Assert.Equal("Hotel", after.GetProperty("locationType").GetString());
        Assert.Equal(2, after.GetProperty("routes").GetArrayLength());

        await officer.PostAsync($"/api/signals/{id}/feedback", new { version = after.GetProperty("version").GetString(), message = "ThankYouForwarded" });
        var reporterView = (await (await reporter.GetAsync("/api/my/signals")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Single();
        Assert.Equal("Forwarded", reporterView.GetProperty("status").GetString());
        Assert.Equal(4, reporterView.EnumerateObject().Count());
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_returns_the_first_signal_and_creates_nothing()
    {
        var (reporter, _, _, _) = await ActorsAsync();
        var key = Guid.NewGuid().ToString();
        var body = ProcedureApi.NewSignal("Dubbel verstuurd signaal over een uitzendbureau met overvolle woningen.");

        var first = await reporter.SubmitAsync(body, key);
        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/signals") { Content = JsonContent.Create(body) };
        again.Headers.Add("Idempotency-Key", key);
        var second = await (await reporter.SendAsync(again)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Single((await (await reporter.GetAsync("/api/my/signals")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task Concurrent_submits_with_one_key_make_one_signal()
    {
        var (reporter, _, _, _) = await ActorsAsync();
        var key = Guid.NewGuid().ToString();
        var body = ProcedureApi.NewSignal("Gelijktijdig verstuurd signaal over een massagesalon in de buurt van het station.");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/signals") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return await reporter.SendAsync(request);
        }));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single((await (await reporter.GetAsync("/api/my/signals")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task Submissions_at_the_same_time_get_distinct_references_and_each_one_audit_event_in_an_intact_chain()
    {
        var reporters = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            reporters.Add(await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter)));
        }

        var submitted = await Task.WhenAll(Enumerable.Range(0, 15).Select(i =>
            reporters[i % 3].SubmitAsync(ProcedureApi.NewSignal($"Gelijktijdig signaal nummer {i} over een nagelstudio met steeds wisselend personeel."))));

        var references = submitted.Select(s => s.GetProperty("reference").GetString()!).ToList();
        Assert.Equal(15, references.Distinct(StringComparer.Ordinal).Count());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var audited = await db.AuditEvents.Where(e => e.Action == "signal.submitted" && references.Contains(e.ObjectId!)).Select(e => e.ObjectId!).ToListAsync();
        Assert.Equal(references.Order(StringComparer.Ordinal), audited.Order(StringComparer.Ordinal));
        // Linked before the answers went out: nothing is left waiting for the chain.
        Assert.False(await db.PendingAuditEvents.AnyAsync());
        var verification = await scope.ServiceProvider.GetRequiredService<Meldroute.Web.Features.Audit.AuditTrail>().VerifyAsync();
        Assert.True(verification.IsIntact, $"broken at {verification.FirstBrokenSequence}: {verification.Break}");
    }

    [Fact]
    public async Task An_illegal_transition_is_refused_with_409_and_a_Dutch_message()
    {
        var (reporter, officer, _, _) = await ActorsAsync();
        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Een signaal dat nog niet geanalyseerd is, kan niet worden doorgezet."))).GetProperty("id").GetString()!;

        var response = await officer.PostAsJsonAsync($"/api/signals/{id}/close", new { version = await officer.VersionAsync(id), reason = "geen reden" });

        var problem = await response.JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("kan niet naar", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Two_officers_editing_the_same_version_do_not_overwrite_each_other()
    {
        var (reporter, officer, _, _) = await ActorsAsync();
        var other = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Twee aandachtsfunctionarissen werken tegelijk aan dit signaal."))).GetProperty("id").GetString()!;
        var version = await officer.VersionAsync(id);

        await officer.PostAsync($"/api/signals/{id}/analysis", new { version, classifiedForms = new[] { "Labour" }, urgency = "Normal", notes = "eerste" });
        var late = await other.PostAsJsonAsync($"/api/signals/{id}/analysis", new { version, classifiedForms = new[] { "Sexual" }, urgency = "Acute", notes = "tweede" });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("eerste", (await officer.GetSignalAsync(id)).GetProperty("analysisNotes").GetString());
    }

    [Fact]
    public async Task A_reporter_who_guesses_another_signal_s_id_gets_404_and_the_attempt_is_audited()
    {
        var (reporter, _, _, _) = await ActorsAsync();
        var someoneElse = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Signaal van een andere melder over een kas in de polder."))).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.NotFound, (await someoneElse.GetAsync($"/api/my/signals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await someoneElse.GetAsync($"/api/signals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync($"/api/my/signals/{id}")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "signal.status.read" && e.ObjectId == id && e.Outcome == "denied"));
    }

    [Fact]
    public async Task A_case_table_member_sees_only_signals_on_agendas_of_meetings_they_attend()
    {
        var (reporter, officer, member, memberClient) = await ActorsAsync();
        var outsider = await app.CreateApiClientAsync(await app.CreateAsync(Roles.CaseTableMember));
        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Signaal voor de casustafel over een vakantiepark met veel arbeidsmigranten."))).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await memberClient.GetAsync($"/api/signals/{id}")).StatusCode);

        await app.DecideAsync(officer, id, member.Id);

        Assert.Equal(HttpStatusCode.OK, (await memberClient.GetAsync($"/api/signals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/signals/{id}")).StatusCode);
    }

    [Fact]
    public async Task Every_read_of_a_signal_with_personal_data_is_audited_with_its_purpose()
    {
        var (reporter, officer, _, _) = await ActorsAsync();
        var reference = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Signaal om het auditlog van het lezen te controleren, bij een school."))).GetProperty("reference").GetString()!;
        var id = (await (await officer.GetAsync("/api/signals?openOnly=true")).JsonAsync(HttpStatusCode.OK)).GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("reference").GetString() == reference).GetProperty("id").GetString()!;

        await officer.GetSignalAsync(id);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "signal.read" && e.ObjectId == reference && e.Outcome == "success" && e.Purpose == "handling"));
    }

    [Fact]
    public async Task The_inbox_filters_on_status_form_and_source_oldest_first()
    {
        var (reporter, officer, _, _) = await ActorsAsync();
        var labour = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Arbeidsuitbuiting in een distributiecentrum, lange dagen zonder pauze.", forms: ["Labour"]))).GetProperty("reference").GetString();
        var criminal = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Jongere vervoert pakketjes voor een oudere man bij het station.", forms: ["Criminal"]))).GetProperty("reference").GetString();

        var onlyCriminal = await (await officer.GetAsync("/api/signals?form=Criminal&status=Received")).JsonAsync(HttpStatusCode.OK);
        var references = onlyCriminal.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("reference").GetString()).ToList();
        Assert.Contains(criminal, references);
        Assert.DoesNotContain(labour, references);
        Assert.DoesNotContain("description", onlyCriminal.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var all = (await (await officer.GetAsync("/api/signals?source=InternalReport")).JsonAsync(HttpStatusCode.OK)).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("reference").GetString()).ToList();
        Assert.True(all.IndexOf(labour) < all.IndexOf(criminal));
    }
}

public sealed class ProcedureApiTestsOnSqlite(SqliteApp app) : ProcedureApiTests(app), IClassFixture<SqliteApp>;

public sealed class ProcedureApiTestsOnPostgres(PostgresApp app) : ProcedureApiTests(app), IClassFixture<PostgresApp>;
