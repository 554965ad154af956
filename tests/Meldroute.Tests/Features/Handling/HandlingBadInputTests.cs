using System.Net;
using System.Net.Http.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Tests.Features.Handling;

/// <summary>Hostile text is stored and returned safely to the officer, and unknown or malformed ids never give a 500.</summary>
[Trait("Category", "Integration")]
public abstract class HandlingBadInputTests(MeldrouteAppFactory app)
{
    private async Task<HttpClient> ReporterAsync() => await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));

    [Fact]
    public async Task Html_script_and_sql_are_stored_as_text_and_returned_encoded()
    {
        var reporter = await ReporterAsync();
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        const string Hostile = "<script>alert(1)</script> '; DROP TABLE \"Signals\"; -- en <img src=x onerror=alert(2)>";

        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal(Hostile, victimName: "<b>Robert'); DROP TABLE Students;--</b>"))).GetProperty("id").GetString()!;

        var detail = await officer.GetSignalAsync(id);
        Assert.Equal(Hostile, detail.GetProperty("description").GetString());
        var raw = await (await officer.GetAsync($"/api/signals/{id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_ids_and_wrong_id_formats_never_give_a_500()
    {
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));

        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/signals/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/signals/not-a-guid")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsJsonAsync($"/api/signals/{Guid.NewGuid()}/analysis", new { version = Guid.NewGuid(), urgency = "High" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync("/api/signals?status=Exploded")).StatusCode);
    }
}

[Collection(BadInputOnSqlite.Name)]
public sealed class HandlingBadInputTestsOnSqlite(SqliteApp app) : HandlingBadInputTests(app);

[Collection(BadInputOnPostgres.Name)]
public sealed class HandlingBadInputTestsOnPostgres(PostgresApp app) : HandlingBadInputTests(app);
