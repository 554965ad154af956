using System.Net;
using System.Net.Http.Json;
using System.Text;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Tests.Features.Intake;

/// <summary>Oversized, malformed or hostile input to the intake is refused with a Dutch message; never a 500.</summary>
[Trait("Category", "Integration")]
public abstract class IntakeBadInputTests(MeldrouteAppFactory app)
{
    private async Task<HttpClient> ReporterAsync() => await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));

    [Fact]
    public async Task Missing_and_wrong_fields_get_Dutch_messages_per_field()
    {
        var reporter = await ReporterAsync();

        var response = await reporter.PostAsJsonAsync("/api/signals", new { description = "te kort", observedOn = "2999-01-01", forms = Array.Empty<string>(), people = new[] { new { role = "PossibleVictim", name = "" } } });

        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("ten minste 20 tekens", errors.GetProperty("Description")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("toekomst", errors.GetProperty("ObservedOn")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("LocationType", out _));
        Assert.True(errors.TryGetProperty("Forms", out _));
        Assert.True(errors.TryGetProperty("People[0].Name", out _));
    }

    [Fact]
    public async Task Bidirectional_overrides_and_isolates_in_free_text_are_taken_out_and_the_text_stays_readable()
    {
        var reporter = await ReporterAsync();
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        // U+202E (right-to-left override) would show "gnp.exe" reversed; U+2066/U+2069 isolate, U+202A/U+202C embed.
        var signal = ProcedureApi.NewSignal("Zij stuurde een bestand \u202Egnp.exe\u202C en een \u2066foto\u2069 van de \u202Awerkplek\u202C.", victimName: "\u202EAnna\u202C Testpersoon");

        var id = (await reporter.SubmitAsync(signal)).GetProperty("id").GetString()!;

        var detail = await officer.GetSignalAsync(id);
        Assert.Equal("Zij stuurde een bestand gnp.exe en een foto van de werkplek.", detail.GetProperty("description").GetString());
        Assert.Contains(detail.GetProperty("people").EnumerateArray(), p => p.GetProperty("name").GetString() == "Anna Testpersoon");
        var stored = await (await officer.GetAsync($"/api/signals/{id}")).Content.ReadAsStringAsync();
        Assert.DoesNotMatch(@"\\u202[A-E]|\\u206[6-9]|[\u202A-\u202E\u2066-\u2069]", stored);
    }

    [Theory]
    [InlineData("{\"description\": ")]
    [InlineData("{\"description\": \"Een geldige beschrijving van wat er gezien is.\", \"locationType\": \"Moon\", \"observedOn\": \"2026-11-01\", \"forms\": [\"Labour\"]}")]
    [InlineData("{\"description\": \"Een geldige beschrijving van wat er gezien is.\", \"locationType\": \"Hotel\", \"observedOn\": \"2026-11-01\", \"forms\": [\"Organ\"]}")]
    [InlineData("{\"description\": \"Een geldige beschrijving van wat er gezien is.\", \"locationType\": \"Hotel\", \"observedOn\": \"1 november\", \"forms\": [\"Labour\"]}")]
    [InlineData("[1, 2, 3]")]
    public async Task Malformed_json_and_unknown_enum_values_get_a_400_problem_in_Dutch(string json)
    {
        var reporter = await ReporterAsync();

        var response = await reporter.PostAsync("/api/signals", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Verzoek niet leesbaar", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("Moon", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_megabyte_of_text_is_refused_as_too_long()
    {
        var reporter = await ReporterAsync();
        var body = ProcedureApi.NewSignal(new string('a', 1_000_000));

        var response = await reporter.PostAsJsonAsync("/api/signals", body);

        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("hoogstens 10000 tekens", problem.GetProperty("errors").GetProperty("Description")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_department_is_refused_with_a_Dutch_message_at_the_field()
    {
        var reporter = await ReporterAsync();
        var body = System.Text.Json.JsonSerializer.SerializeToNode(ProcedureApi.NewSignal("Signaal met een afdeling die niet in het register staat."))!;
        body["departmentId"] = 987654;

        var response = await reporter.PostAsJsonAsync("/api/signals", body);

        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Kies een afdeling uit de lijst.", problem.GetProperty("errors").GetProperty("DepartmentId")[0].GetString());
    }

    [Fact]
    public async Task Control_characters_are_refused()
    {
        var reporter = await ReporterAsync();

        var response = await reporter.PostAsJsonAsync("/api/signals", ProcedureApi.NewSignal("Tekst met een verborgen \u0000 nul-teken en \u001b escape erin."));

        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("stuurtekens", problem.GetProperty("errors").GetProperty("Description")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_officers_may_register_a_signal_from_another_source()
    {
        var reporter = await ReporterAsync();
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var request = ProcedureApi.NewSignal("Doorgestuurd door het politie basisteam na een controle in een woning.");
        var withSource = System.Text.Json.JsonSerializer.SerializeToNode(request)!.AsObject();
        withSource["source"] = "PoliceBasisteam";

        var refused = await reporter.PostAsync("/api/signals", new StringContent(withSource.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/signals") { Content = new StringContent(withSource.ToJsonString(), Encoding.UTF8, "application/json") };
        var accepted = await officer.SendAsync(message);
        var created = await accepted.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("PoliceBasisteam", (await officer.GetSignalAsync(created.GetProperty("id").GetString()!)).GetProperty("source").GetString());
    }
}

[Collection(BadInputOnSqlite.Name)]
public sealed class IntakeBadInputTestsOnSqlite(SqliteApp app) : IntakeBadInputTests(app);

[Collection(BadInputOnPostgres.Name)]
public sealed class IntakeBadInputTestsOnPostgres(PostgresApp app) : IntakeBadInputTests(app);
