using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meldroute.Tests.Features.Signals;

/// <summary>
/// The API keeps to its own contract (issue 20 item 16): a set of forms is one JSON array both ways, the reporter's
/// submission answers with the reporter's general status, every enum of the OpenAPI document lists its values, and
/// every response a test receives is checked against the document (<see cref="OpenApiContractCheck"/>), a check that
/// really refuses what the document does not describe.
/// </summary>
[Trait("Category", "Integration")]
public abstract class ApiContractTests : IDisposable
{
    private readonly MeldrouteAppFactory app;

    protected ApiContractTests(Database database) => app = new MeldrouteAppFactory(database);

    public void Dispose()
    {
        app.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Forms_go_in_as_an_array_and_come_back_as_the_same_array_wherever_a_signal_is_shown()
    {
        var (reporter, officer, member, _) = await app.ActorsAsync();
        var submitted = await reporter.SubmitAsync(ProcedureApi.NewSignal("Jongen verkoopt drugs voor een oudere man en slaapt in een garage.", forms: ["Sexual", "Criminal"]));
        var id = submitted.GetProperty("id").GetString()!;
        var reference = submitted.GetProperty("reference").GetString()!;

        var detail = await officer.GetSignalAsync(id);
        Assert.Equal("Sexual|Criminal", Joined(detail.GetProperty("forms")));
        Assert.Equal("", Joined(detail.GetProperty("classifiedForms")));
        var inbox = await (await officer.GetAsync($"/api/signals?q={reference}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Sexual|Criminal", Joined(inbox.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id).GetProperty("forms")));

        // The shape that comes back is the shape that goes in: the forms read are sent back as they are.
        await officer.PostAsync($"/api/signals/{id}/analysis", new
        {
            version = detail.GetProperty("version").GetString(),
            classifiedForms = detail.GetProperty("forms"),
            urgency = "Normal",
            confirmedIndicatorCodes = new[] { "L01" },
            notes = "Eerste analyse.",
        });
        Assert.Equal("Sexual|Criminal", Joined((await officer.GetSignalAsync(id)).GetProperty("classifiedForms")));

        // DecideAsync classifies the forms as Labour and Sexual; a view of both is their union, in the forms' order.
        var (meetingId, victimRoute, _) = await app.DecideAsync(officer, id, await app.UserIdAsync(member.Email));
        Assert.Equal("Sexual|Labour", Joined((await officer.GetSignalAsync(id)).GetProperty("classifiedForms")));
        var decisions = await (await officer.GetAsync($"/api/meetings/{meetingId}/decisions")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Sexual|Labour|Criminal", Joined(decisions.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("reference").GetString() == reference).GetProperty("forms")));

        var (care, _) = await app.EnsurePartnersAsync();
        await officer.BalanceAsync(id, victimRoute, care);
        var sheet = await (await officer.GetAsync($"/api/signals/{id}/routes/{victimRoute}/handover")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Sexual|Labour|Criminal", Joined(sheet.GetProperty("forms")));
        Assert.Equal("VictimIdentity|Location|Summary", Joined(sheet.GetProperty("categories")));
    }

    [Fact]
    public async Task A_submission_answers_with_the_reporters_general_status_also_when_it_is_repeated_later()
    {
        var (reporter, officer, _, _) = await app.ActorsAsync();
        var signal = ProcedureApi.NewSignal("Vrouw werkt zonder contract in een kas en woont op het terrein.");
        const string key = "contract-status-1";
        var first = await reporter.SubmitAsync(signal, key);
        var id = first.GetProperty("id").GetString()!;
        Assert.Equal("Received", first.GetProperty("status").GetString());

        await officer.PostAsync($"/api/signals/{id}/analysis", new { version = await officer.VersionAsync(id), classifiedForms = new[] { "Labour" }, urgency = "Normal", confirmedIndicatorCodes = new[] { "L01" }, notes = "In behandeling." });
        Assert.Equal("InAnalysis", (await officer.GetSignalAsync(id)).GetProperty("status").GetString());

        // The same report again (a client that did not get the first answer): the first signal, as the reporter sees it.
        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/signals") { Content = JsonContent.Create(signal) };
        again.Headers.Add("Idempotency-Key", key);
        var repeated = await (await reporter.SendAsync(again)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, repeated.GetProperty("id").GetString());
        Assert.Equal("InProgress", repeated.GetProperty("status").GetString());
        var mine = await (await reporter.GetAsync("/api/my/signals")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("InProgress", mine.EnumerateArray().Single(s => s.GetProperty("id").GetString() == id).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Every_enum_in_the_document_is_a_string_with_all_its_values_and_sets_are_arrays_of_them()
    {
        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var json = app.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var enums = typeof(Signal).Assembly.GetTypes().Where(t => t.IsEnum).ToLookup(t => t.Name);

        var described = schemas.Where(s => enums.Contains(s.Key)).ToList();
        Assert.All(described, schema =>
        {
            var type = Assert.Single(enums[schema.Key]);
            var values = Enum.GetValues(type).Cast<object>().Select(v => JsonSerializer.SerializeToElement(v, type, json).GetString()).ToList();
            Assert.True(schema.Value!["type"]?.GetValue<string>() == "string", $"{schema.Key} is not typed as a string: {schema.Value.ToJsonString()}");
            Assert.Equal(values, schema.Value["enum"]!.AsArray().Select(v => v?.GetValue<string>()).ToList());
        });
        // The [Flags] enums were bare strings before; every enum the API uses is among the described ones.
        Assert.Contains(described, s => s.Key == nameof(ExploitationForms));
        Assert.Contains(described, s => s.Key == nameof(HandoverData));
        Assert.Contains(described, s => s.Key == "PlanGoals");
        Assert.Contains(described, s => s.Key == nameof(ReporterStatus));
        Assert.Equal("signal|victim-dossier", string.Join('|', schemas["SubjectRecordKind"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>())));
        // No property or parameter anywhere is a bare string where its enum would do, nor lists null among an enum's values.
        Assert.DoesNotContain(Nodes(document).OfType<JsonObject>(), n => n["enum"] is JsonArray values && values.Any(v => v is null));

        string Set(string schema, string property) => schemas[schema]!["properties"]![property]!.ToJsonString();
        const string formsArray = """{"type":"array","items":{"$ref":"#/components/schemas/ExploitationForms"}}""";
        Assert.Equal(formsArray, Set("SubmitSignalRequest", "forms"));
        Assert.Equal(formsArray, Set("SignalDetail", "forms"));
        Assert.Equal(formsArray, Set("SignalDetail", "classifiedForms"));
        Assert.Equal(formsArray, Set("InboxRow", "forms"));
        Assert.Equal(formsArray, Set("DecisionListItem", "forms"));
        Assert.Equal(formsArray, Set("HandoverSheet", "forms"));
        Assert.Equal("""{"type":"array","items":{"$ref":"#/components/schemas/HandoverData"}}""", Set("HandoverSheet", "categories"));
        Assert.Equal("""{"$ref":"#/components/schemas/ReporterStatus"}""", Set("SubmitSignalResponse", "status"));
        Assert.Equal("""{"$ref":"#/components/schemas/ReporterStatus"}""", Set("MySignalSummary", "status"));
        Assert.Equal("""{"$ref":"#/components/schemas/IntakeStep"}""", Set("IntakeDraftDetails", "step"));

        // Every operation names what its errors look like.
        var operations = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, op => Assert.Equal("#/components/schemas/Problem", op.Value!["responses"]!["default"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_contract_check_refuses_a_body_status_or_content_type_the_document_does_not_describe_and_names_the_operation()
    {
        var (reporter, officer, _, _) = await app.ActorsAsync();
        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Meisje wordt elke avond door een man naar een hotel gebracht.", forms: ["Sexual", "Criminal"]))).GetProperty("id").GetString()!;
        var body = await (await officer.GetAsync($"/api/signals/{id}")).Content.ReadAsStringAsync();
        var contract = OpenApiContract.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        string? Check(string json, int status = 200, string contentType = "application/json; charset=utf-8", string method = "GET", string? path = null) =>
            contract.Check(method, path ?? $"/api/signals/{id}", status, contentType, System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Null(Check(body));

        // The old shape: the forms as one string.
        var joined = JsonNode.Parse(body)!;
        joined["forms"] = "Sexual, Criminal";
        var wrongShape = Check(joined.ToJsonString());
        Assert.NotNull(wrongShape);
        Assert.Contains("GET /api/signals/{id} (GetSignal) answered 200", wrongShape, StringComparison.Ordinal);
        Assert.Contains("/forms", wrongShape, StringComparison.Ordinal);

        // A value the enum does not have, a required member missing, a member of the wrong type.
        var unknown = JsonNode.Parse(body)!;
        unknown["forms"] = new JsonArray("Sexual", "Organs");
        Assert.Contains("/forms/1", Check(unknown.ToJsonString()), StringComparison.Ordinal);
        var missing = JsonNode.Parse(body)!.AsObject();
        missing.Remove("reference");
        Assert.Contains("reference", Check(missing.ToJsonString()), StringComparison.Ordinal);
        var wrongType = JsonNode.Parse(body)!;
        wrongType["acuteDanger"] = "nee";
        Assert.Contains("/acuteDanger", Check(wrongType.ToJsonString()), StringComparison.Ordinal);

        // A status the operation does not list, content where none is described, another content type, an error that is no problem.
        Assert.Contains("no response 202", Check(body, status: 202), StringComparison.Ordinal);
        Assert.Contains("DeleteIntakeDraft", Check("{}", status: 204, method: "DELETE", path: $"/api/my/drafts/{Guid.NewGuid()}"), StringComparison.Ordinal);
        Assert.Contains("text/html", Check("<p>OK</p>", contentType: "text/html"), StringComparison.Ordinal);
        Assert.Contains("/status", Check("""{"title":"Niet gevonden","status":"404"}""", status: 404, contentType: "application/problem+json"), StringComparison.Ordinal);
        Assert.Null(Check("""{"title":"Niet gevonden","status":404}""", status: 404, contentType: "application/problem+json"));

        // A path the document has no operation for is not its business.
        Assert.Null(Check("<html/>", contentType: "text/html", path: "/api/no-such-thing"));
    }

    [Fact]
    public async Task Every_API_response_the_tests_receive_is_checked_and_one_that_breaks_the_document_fails_the_request()
    {
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var before = app.ContractCheck.Checked;
        await (await reporter.GetAsync("/api/my/signals")).JsonAsync(HttpStatusCode.OK);
        await (await reporter.GetAsync($"/api/my/signals/{Guid.NewGuid()}")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(before + 2, app.ContractCheck.Checked);

        // The same app, checked against a document that says ListMySignals answers an object: the request fails, naming
        // the operation and the mismatch, and the response never reaches the client.
        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        document["paths"]!["/api/my/signals"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"] = new JsonObject { ["type"] = "object" };
        app.ContractCheck.Contract = OpenApiContract.Parse(document.ToJsonString());

        var failure = await Record.ExceptionAsync(() => reporter.GetAsync("/api/my/signals"));

        var violation = Assert.IsType<OpenApiContractViolation>(Chain(failure).OfType<OpenApiContractViolation>().FirstOrDefault());
        Assert.Contains("GET /api/my/signals (ListMySignals) answered 200", violation.Message, StringComparison.Ordinal);
        Assert.Contains("[type]", violation.Message, StringComparison.Ordinal);
    }

    /// <summary>An array's strings joined with "|"; throws when it is not an array (the old "Sexual, Criminal").</summary>
    private static string Joined(JsonElement array) => string.Join('|', array.EnumerateArray().Select(e => e.GetString()));

    private static IEnumerable<JsonNode> Nodes(JsonNode node) =>
        node switch
        {
            JsonObject obj => obj.Select(p => p.Value).OfType<JsonNode>().SelectMany(Nodes).Prepend(node),
            JsonArray array => array.OfType<JsonNode>().SelectMany(Nodes).Prepend(node),
            _ => [node],
        };

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}

public sealed class ApiContractTestsOnSqlite() : ApiContractTests(Database.Sqlite);

public sealed class ApiContractTestsOnPostgres() : ApiContractTests(Database.Postgres);
