using System.Net;
using System.Text.Json;
using Meldroute.Tests.TestSupport;

namespace Meldroute.Tests.Features.Signals;

/// <summary>The API contract: every operation of the reporting procedure is in the OpenAPI document with its stable operationId.</summary>
[Trait("Category", "Integration")]
public sealed class OpenApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_OpenAPI_document_names_every_operation_of_the_procedure_and_no_hidden_endpoint()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var operationIds = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Where(op => op.Value.ValueKind == JsonValueKind.Object && op.Value.TryGetProperty("operationId", out _))
            .Select(op => op.Value.GetProperty("operationId").GetString())
            .ToHashSet();
        string[] required =
        [
            "SubmitSignal", "ListMySignals", "ListSignals", "GetSignal", "RecordAnalysis", "CreateCaseTableMeeting",
            "ScheduleSignal", "RecordDecision", "RecordBalancingOfInterests", "PrepareForwarding", "ConfirmForwarding", "CloseSignal",
            "ListPartners", "GetPartner", "UpdatePartner", "GetCareMap", "DownloadCareMap",
            "ListAgendaActivities", "AddAgendaActivity", "UpdateAgendaActivity", "AddAgendaProgressNote", "ExportAgenda",
            "GetFrameworkChecklist", "UpdateBuildingBlock", "ListTrainings", "RecordTraining", "SetPublicContactEmployees",
        ];
        Assert.All(required, id => Assert.Contains(id, operationIds));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/auth/login", paths);
        Assert.DoesNotContain("/api/auth/register", paths);
    }

    /// <summary>
    /// The contract API clients rely on: every operation's method, path and operationId, exactly as listed in
    /// openapi-operations.txt (taken from the document before the procedure's code was reorganised). A change here is a
    /// change for every client: update the file only on purpose.
    /// </summary>
    [Fact]
    public async Task The_OpenAPI_document_keeps_every_method_path_and_operationId()
    {
        using var client = app.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Value.ValueKind == JsonValueKind.Object && op.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(op => $"{op.Name.ToUpperInvariant()} {path.Name} {(op.Value.TryGetProperty("operationId", out var id) ? id.GetString() : "-")}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var expected = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "openapi-operations.txt"))
            .Where(line => line.Length > 0)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, operations);
    }
}
