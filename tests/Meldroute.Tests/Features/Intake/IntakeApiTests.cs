using System.Net;
using System.Net.Http.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Intake;

/// <summary>Submitting signals through the JSON API, on both databases: idempotency keys, concurrent submits, references and their audit events.</summary>
[Trait("Category", "Integration")]
public abstract class IntakeApiTests(MeldrouteAppFactory app)
{
    [Fact]
    public async Task The_same_idempotency_key_twice_returns_the_first_signal_and_creates_nothing()
    {
        var (reporter, _, _, _) = await app.ActorsAsync();
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
    public async Task The_same_key_with_another_report_is_a_422_and_neither_report_is_lost_silently()
    {
        var (reporter, _, _, _) = await app.ActorsAsync();
        var key = Guid.NewGuid().ToString();
        var first = await reporter.SubmitAsync(ProcedureApi.NewSignal("Eerste melding: een nagelstudio waar personeel in de zaak lijkt te slapen."), key);
        using var other = new HttpRequestMessage(HttpMethod.Post, "/api/signals") { Content = JsonContent.Create(ProcedureApi.NewSignal("Tweede, andere melding: een autowasstraat met steeds nieuwe werknemers.")) };
        other.Headers.Add("Idempotency-Key", key);

        var problem = await (await reporter.SendAsync(other)).JsonAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("Deze Idempotency-Key is al gebruikt voor een andere melding. Gebruik voor elke nieuwe melding een nieuwe sleutel; deze melding is niet opgeslagen.", problem.GetProperty("detail").GetString());
        var mine = (await (await reporter.GetAsync("/api/my/signals")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal([first.GetProperty("id").GetString()], mine.Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Concurrent_submits_with_one_key_make_one_signal()
    {
        var (reporter, _, _, _) = await app.ActorsAsync();
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
}

[Collection(ProcedureApiOnSqlite.Name)]
public sealed class IntakeApiTestsOnSqlite(SqliteApp app) : IntakeApiTests(app);

[Collection(ProcedureApiOnPostgres.Name)]
public sealed class IntakeApiTestsOnPostgres(PostgresApp app) : IntakeApiTests(app);
