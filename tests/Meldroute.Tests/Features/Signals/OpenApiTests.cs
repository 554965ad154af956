using System.Net;
using System.Text.Json;
using Meldroute.Tests.Infrastructure;

namespace Meldroute.Tests.Features.Signals;

/// <summary>The API contract: every operation of the reporting procedure is in the OpenAPI document with its stable operationId.</summary>
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
}
