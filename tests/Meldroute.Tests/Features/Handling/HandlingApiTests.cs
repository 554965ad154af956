using System.Net;
using System.Net.Http.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Handling;

/// <summary>The officer's handling through the JSON API, on both databases: the inbox, reading a signal, analysis and closing.</summary>
[Trait("Category", "Integration")]
public abstract class HandlingApiTests(MeldrouteAppFactory app)
{
    [Fact]
    public async Task An_illegal_transition_is_refused_with_409_and_a_Dutch_message()
    {
        var (reporter, officer, _, _) = await app.ActorsAsync();
        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Een signaal dat nog niet geanalyseerd is, kan niet worden doorgezet."))).GetProperty("id").GetString()!;

        var response = await officer.PostAsJsonAsync($"/api/signals/{id}/close", new { version = await officer.VersionAsync(id), reason = "geen reden" });

        var problem = await response.JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("kan niet naar", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Two_officers_editing_the_same_version_do_not_overwrite_each_other()
    {
        var (reporter, officer, _, _) = await app.ActorsAsync();
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
        var (reporter, _, _, _) = await app.ActorsAsync();
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
    public async Task Every_read_of_a_signal_with_personal_data_is_audited_with_its_purpose()
    {
        var (reporter, officer, _, _) = await app.ActorsAsync();
        var reference = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Signaal om het auditlog van het lezen te controleren, bij een school."))).GetProperty("reference").GetString()!;
        // Found by its reference: the app's other tests leave more open signals than fit on the inbox's first page.
        var id = (await (await officer.GetAsync($"/api/signals?openOnly=true&q={reference}")).JsonAsync(HttpStatusCode.OK)).GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("reference").GetString() == reference).GetProperty("id").GetString()!;

        await officer.GetSignalAsync(id);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "signal.read" && e.ObjectId == reference && e.Outcome == "success" && e.Purpose == "handling"));
    }

    [Fact]
    public async Task The_inbox_filters_on_status_form_and_source_oldest_first()
    {
        var (reporter, officer, _, _) = await app.ActorsAsync();
        // A word only these two signals contain keeps them on one page, whatever else the app's other tests left open.
        var marker = "kenmerk" + Guid.NewGuid().ToString("N")[..10];
        var labour = (await reporter.SubmitAsync(ProcedureApi.NewSignal($"Arbeidsuitbuiting in een distributiecentrum, lange dagen zonder pauze ({marker}).", forms: ["Labour"]))).GetProperty("reference").GetString();
        var criminal = (await reporter.SubmitAsync(ProcedureApi.NewSignal($"Jongere vervoert pakketjes voor een oudere man bij het station ({marker}).", forms: ["Criminal"]))).GetProperty("reference").GetString();

        var onlyCriminal = await (await officer.GetAsync($"/api/signals?form=Criminal&status=Received&q={marker}")).JsonAsync(HttpStatusCode.OK);
        var references = onlyCriminal.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("reference").GetString()).ToList();
        Assert.Contains(criminal, references);
        Assert.DoesNotContain(labour, references);
        Assert.DoesNotContain("description", onlyCriminal.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var all = (await (await officer.GetAsync($"/api/signals?source=InternalReport&q={marker}")).JsonAsync(HttpStatusCode.OK)).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("reference").GetString()).ToList();
        Assert.Equal([labour, criminal], all);
    }
}

[Collection(ProcedureApiOnSqlite.Name)]
public sealed class HandlingApiTestsOnSqlite(SqliteApp app) : HandlingApiTests(app);

[Collection(ProcedureApiOnPostgres.Name)]
public sealed class HandlingApiTestsOnPostgres(PostgresApp app) : HandlingApiTests(app);
