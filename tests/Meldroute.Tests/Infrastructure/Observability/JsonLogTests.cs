using System.Text.Json;
using Meldroute.Tests.TestSupport;

namespace Meldroute.Tests.Infrastructure.Observability;

/// <summary>The log as the service writes it (JSON lines on standard output) of a Production instance.</summary>
[Trait("Category", "Process")]
public sealed class JsonLogTests
{
    [Fact]
    public async Task Every_json_log_line_has_a_utc_timestamp_and_otlp_export_failures_are_logged()
    {
        var folder = Directory.CreateTempSubdirectory("meldroute-jsonlog-").FullName;
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Meldroute"] = $"Data Source={Path.Combine(folder, "meldroute.db")}",
            ["Meldroute__KeysPath"] = Path.Combine(folder, "keys"),
            ["Retention__DailyJob"] = "false",
            // Nothing listens on the discard port: every export fails.
            ["OpenTelemetry__Enabled"] = "true",
            ["OpenTelemetry__Protocol"] = "http/protobuf",
            ["OpenTelemetry__Endpoint"] = "http://127.0.0.1:9",
        });
        using (var client = new HttpClient { BaseAddress = app.Address })
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            // A traced request: its span is exported within the batch delay (5 s).
            await client.GetAsync("/Account/Login");
        }

        await app.WaitForOutputAsync("OpenTelemetry-Exporter-OpenTelemetryProtocol");

        var lines = app.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith('{')).ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var stamp = json.RootElement.GetProperty("Timestamp").GetString()!;
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", stamp);
            var at = DateTimeOffset.Parse(stamp, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(at, before, DateTimeOffset.UtcNow.AddSeconds(1));
        }

        // The exporter's failure to reach the collector is an error in the app's log (the SDK says it only on its event source).
        var failures = lines.Where(l => l.Contains("\"Category\":\"Meldroute.Web.Infrastructure.Observability.TelemetryFailureLog\"", StringComparison.Ordinal)
            && l.Contains("OpenTelemetry-Exporter-OpenTelemetryProtocol", StringComparison.Ordinal)).ToList();
        Assert.Contains(failures, l => l.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) && l.Contains("FailedToReachCollector", StringComparison.Ordinal));
        Directory.Delete(folder, recursive: true);
    }
}
