using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Meldroute.Tests.Infrastructure.Observability;

/// <summary>
/// OpenTelemetry: off by default; when on, spans, metrics and logs carry no personal data, the meter "Meldroute"
/// counts, and the audit log's correlation id is the request's W3C trace id.
/// </summary>
[Trait("Category", "Integration")]
public abstract class ObservabilityTests(Database database)
{
    // Distinctive values that occur nowhere in the app: a name, free text, an address, contact details, an e-mail.
    private const string Name = "Zwaantje Brouwerskolk";
    private const string FreeText = "Kwartelkoning-waarneming";
    private const string Address = "Pimpelmeesstraat 77";
    private const string Contact = "06-31415926";
    private const string FormName = "Grutto Weidevogel";

    private sealed class Exported
    {
        public Captured<Activity> Spans { get; } = new();

        public Captured<MetricSnapshot> Metrics { get; } = new();
    }

    /// <summary>
    /// The exporters add from other threads — and, since activity listeners are process-wide, also spans of the other
    /// apps of this test run — so the test reads a copy taken under the same lock.
    /// </summary>
    private sealed class Captured<T> : System.Collections.ObjectModel.Collection<T>
    {
        private readonly Lock gate = new();

        public List<T> Snapshot()
        {
            lock (gate)
            {
                return [.. Items];
            }
        }

        protected override void InsertItem(int index, T item)
        {
            lock (gate)
            {
                base.InsertItem(index, item);
            }
        }
    }

    private MeldrouteAppFactory TelemetryApp(Exported exported) => new(database, settings: new Dictionary<string, string?>
    {
        ["OpenTelemetry:Enabled"] = "true",
        // Nothing listens here: the OTLP exporter is registered as in production, the test reads the in-memory copy.
        ["OpenTelemetry:Endpoint"] = "http://127.0.0.1:9",
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
    }, services: s =>
    {
        s.ConfigureOpenTelemetryTracerProvider(b => b.AddInMemoryExporter(exported.Spans));
        s.ConfigureOpenTelemetryMeterProvider(b => b.AddInMemoryExporter(exported.Metrics));
    });

    private static object Signal(string description) => new
    {
        acuteDanger = false,
        description,
        observedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        locationType = "Hotel",
        locationDetail = Address,
        forms = new[] { "Labour" },
        indicatorCodes = new[] { "L01" },
        people = new object[] { new { role = "PossibleVictim", name = Name, age = "16", minor = "Yes", nationality = "Pools", contact = Contact } },
    };

    [Fact]
    public void Off_by_default_nothing_is_registered()
    {
        using var app = new MeldrouteAppFactory(database);
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_audit_event_of_a_request_carries_the_trace_id_of_its_traceparent(bool telemetryOn)
    {
        var exported = new Exported();
        using var app = telemetryOn ? TelemetryApp(exported) : new MeldrouteAppFactory(database);
        var user = await app.CreateAsync(Roles.Reporter);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email = user.Email, password = "Wrong-password-2026!" }) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);

        // From the trace id to the audit events: the privacy officer searches the log by correlation id.
        var privacy = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PrivacyOfficer));
        var found = await (await privacy.GetAsync($"/api/audit/events?correlationId={traceId.ToUpperInvariant()}")).JsonAsync(HttpStatusCode.OK);
        var failure = Assert.Single(found.GetProperty("rows").EnumerateArray());
        Assert.Equal("signin.password", failure.GetProperty("action").GetString());
        Assert.Equal("failure", failure.GetProperty("outcome").GetString());
        Assert.Equal(user.Id, failure.GetProperty("objectId").GetString());
        Assert.Equal(traceId, failure.GetProperty("correlationId").GetString());
        if (telemetryOn)
        {
            // From the trace to the audit event: the server span is in the same trace.
            app.Services.GetRequiredService<TracerProvider>().ForceFlush();
            Assert.Contains(exported.Spans.Snapshot(), s => s.Kind == ActivityKind.Server && s.TraceId.ToHexString() == traceId && s.DisplayName == "POST /api/auth/login");
        }
    }

    [Fact]
    public async Task No_personal_data_reaches_spans_metrics_or_logs_and_the_counters_move()
    {
        var exported = new Exported();
        using var app = TelemetryApp(exported);
        var reporter = await app.CreateAsync(Roles.Reporter);
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var member = await app.CreateAsync(Roles.CaseTableMember);

        // Through the API, and through the guided form.
        var reporterApi = await app.CreateApiClientAsync(reporter);
        var submitted = await reporterApi.SubmitAsync(Signal($"{FreeText}: {Name} werkt nachten in de keuken van het hotel."));
        var id = submitted.GetProperty("id").GetString()!;
        var reporterForm = await app.SignInAsync(reporter);
        var formPost = await reporterForm.PostFormAsync("/Intake/New", new Dictionary<string, string>
        {
            ["Step"] = "Review",
            ["IdempotencyKey"] = Guid.NewGuid().ToString("N"),
            ["Input.Description"] = $"{FreeText} bij een nagelstudio, {FormName} slaapt in het magazijn.",
            ["Input.ObservedOn"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.LocationType"] = "PrivateHome",
            ["Input.LocationDetail"] = Address,
            ["Input.Forms"] = "Sexual",
            ["Input.People[0].Role"] = "PossibleVictim",
            ["Input.People[0].Name"] = FormName,
            ["Input.People[0].Contact"] = Contact,
        }, "/Intake/New?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, formPost.StatusCode);
        Assert.StartsWith("/Intake/Submitted/", formPost.Headers.Location?.OriginalString, StringComparison.Ordinal);

        // A wrong password for a known e-mail address, on the form and the token endpoint.
        using var stranger = app.CreateBrowser();
        await stranger.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = officerUser.Email, ["Input.Password"] = Name });
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = officerUser.Email, password = Name })).StatusCode);

        // The pages and reads that show the personal data.
        var officerPages = await app.SignInAsync(officerUser);
        foreach (var url in new[] { "/Handling", $"/Handling/Signal/{id}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await officerPages.GetAsync(url)).StatusCode);
        }

        await reporterForm.GetAsync("/Intake/Mine");
        var officer = await app.CreateApiClientAsync(officerUser);
        Assert.Contains(Name, (await officer.GetSignalAsync(id)).GetRawText(), StringComparison.Ordinal);

        // Forwarding purges the signal; the daily job runs once.
        var (_, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, id, member.Id, notes: $"Analyse over {Name}.");
        await app.ForwardAsync(officer, id, victimRoute, perpetratorRoute, balancingText: $"Delen over {Name} is nodig.");
        Assert.True(await app.Services.GetRequiredService<RetentionJob>().RunOnceForTodayAsync(CancellationToken.None));

        // Someone else's link with a name in the query string or the path: the spans keep neither. (ASP.NET Core's own
        // request logs name path and query at Information and Debug; the default levels keep them out, see
        // docs/operations.md, so the log check below ends before these two requests.)
        var logLines = app.Logs.Lines.ToList();
        await officerPages.GetAsync($"/Handling?search={Uri.EscapeDataString(Name)}");
        await officerPages.GetAsync($"/api/{Uri.EscapeDataString(Name)}");

        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var spans = exported.Spans.Snapshot();
        var metrics = exported.Metrics.Snapshot();
        var secrets = new[] { Name, FreeText, Address, Contact, FormName, officerUser.Email, "Zwaantje", "Pimpelmees" };

        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && s.DisplayName == "POST /api/signals");
        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && s.DisplayName == "GET /api/{**path}");
        Assert.Contains(spans, s => s.Kind == ActivityKind.Client && (s.GetTagItem("db.system.name") ?? s.GetTagItem("db.system")) is not null);
        var spanTexts = spans.SelectMany(SpanTexts).ToList();
        Assert.Empty(Leaks(spanTexts, secrets));
        Assert.DoesNotContain(spanTexts, t => t.Contains("url.query", StringComparison.Ordinal) || t.Contains("url.path", StringComparison.Ordinal));

        var metricTags = metrics.SelectMany(m => m.MetricPoints.SelectMany(p => Tags(m.Name, p))).ToList();
        Assert.Empty(Leaks(metricTags, secrets));

        Assert.NotEmpty(logLines);
        Assert.Empty(Leaks(logLines, secrets));

        // The counters moved (other apps in this test run count too: at least, not exactly).
        Assert.True(Sum(metrics, "meldroute.signals.received", ("meldroute.signal.source", "InternalReport"), ("meldroute.signal.forms", "Labour")) >= 1);
        Assert.True(Sum(metrics, "meldroute.signals.received", ("meldroute.signal.source", "InternalReport"), ("meldroute.signal.forms", "Sexual")) >= 1);
        Assert.True(Sum(metrics, "meldroute.signin.failures", ("meldroute.signin.method", "password"), ("meldroute.signin.reason", "wrong-credentials")) >= 2);
        Assert.True(Sum(metrics, "meldroute.signals.forwarded") >= 1);
        Assert.True(Sum(metrics, "meldroute.signals.purged", ("meldroute.purge.rule", "plan-11-delete-on-forwarding")) >= 1);
        Assert.True(Sum(metrics, "meldroute.job.runs", ("meldroute.job.name", "retention"), ("meldroute.job.outcome", "succeeded")) >= 1);
        Assert.Contains(metrics, m => m.Name == "http.server.request.duration");
    }

    private static IEnumerable<string> SpanTexts(Activity span) =>
        new[] { $"name={span.DisplayName}", $"status={span.StatusDescription}" }
            .Concat(span.TagObjects.Select(t => $"{span.DisplayName}: {t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{span.DisplayName} event {e.Name}: {t.Key}={t.Value}").Append($"event {e.Name}")))
            .Concat(span.Baggage.Select(b => $"baggage {b.Key}={b.Value}"));

    private static IEnumerable<string> Tags(string metric, MetricPoint point)
    {
        foreach (var tag in point.Tags)
        {
            yield return $"{metric}: {tag.Key}={tag.Value}";
        }
    }

    private static List<string> Leaks(IEnumerable<string> texts, string[] secrets) =>
        [.. texts.Where(t => secrets.Any(s => t.Contains(s, StringComparison.OrdinalIgnoreCase) || t.Contains(Uri.EscapeDataString(s), StringComparison.OrdinalIgnoreCase)))];

    private static long Sum(List<MetricSnapshot> metrics, string metric, params (string Key, string Value)[] tags)
    {
        // Cumulative counters: the latest snapshot of the metric holds the totals.
        var latest = metrics.LastOrDefault(m => m.Name == metric);
        if (latest is null)
        {
            return 0;
        }

        long sum = 0;
        foreach (var point in latest.MetricPoints)
        {
            var pointTags = Tags(metric, point).ToList();
            if (tags.All(t => pointTags.Contains($"{metric}: {t.Key}={t.Value}")))
            {
                sum += point.GetSumLong();
            }
        }

        return sum;
    }
}

public sealed class ObservabilityTestsOnSqlite() : ObservabilityTests(Database.Sqlite);

public sealed class ObservabilityTestsOnPostgres() : ObservabilityTests(Database.Postgres);
