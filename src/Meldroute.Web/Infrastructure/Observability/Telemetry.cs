using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Meldroute.Web.Infrastructure.Observability;

/// <summary>Settings under "OpenTelemetry". Off by default: nothing is registered and nothing leaves the machine.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";

    public bool Enabled { get; set; }

    /// <summary>The collector's OTLP address; empty means the SDK's default (OTEL_EXPORTER_OTLP_ENDPOINT or localhost:4317).</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>, as OTEL_EXPORTER_OTLP_PROTOCOL names them.</summary>
    public string Protocol { get; set; } = "grpc";

    public string ServiceName { get; set; } = "meldroute";
}

/// <summary>
/// OpenTelemetry traces (ASP.NET Core, EF Core, HttpClient) and metrics (the same plus the runtime and the meter
/// "Meldroute"), exported over OTLP. What leaves is kept free of personal data: no query strings, no paths (the
/// route template names the span), no SQL parameter values, no exception messages, no user identity.
/// </summary>
public static class Telemetry
{
    public static IServiceCollection AddMeldrouteTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.Enabled)
        {
            return services;
        }

        var protocol = options.Protocol.Trim().ToLowerInvariant() switch
        {
            "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" or "httpprotobuf" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new StartupRefusedException(StartupRefusal.Line($"OpenTelemetry:Protocol is 'grpc' of 'http/protobuf', niet '{options.Protocol}'.", "OpenTelemetry:Protocol must be 'grpc' or 'http/protobuf'")),
        };

        void Otlp(OtlpExporterOptions o, string signalPath)
        {
            o.Protocol = protocol;
            if (!string.IsNullOrWhiteSpace(options.Endpoint))
            {
                // Over HTTP the exporter takes a set endpoint as the full address of the signal.
                var baseUri = options.Endpoint.TrimEnd('/');
                o.Endpoint = new Uri(protocol == OtlpExportProtocol.HttpProtobuf ? baseUri + signalPath : baseUri);
            }
        }

        // Export failures go to the log (they are otherwise only on the SDK's event sources).
        services.AddSingleton<TelemetryFailureLog>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryFailureLog>());
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.RecordException = false;
                    // Probes every few seconds say nothing about the work; their metrics still count them.
                    o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal);
                })
                .AddHttpClientInstrumentation(o => o.RecordException = false)
                // Statement text only, with literals replaced; parameter values only under an experimental environment
                // variable, and the scrubber drops them even then.
                .AddEntityFrameworkCoreInstrumentation()
                // Before the exporters: every span is cleaned before anything exports it.
                .AddProcessor(new PersonalDataScrubber())
                .AddOtlpExporter(o => Otlp(o, "/v1/traces")))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(MeldrouteMetrics.MeterName)
                .AddOtlpExporter(o => Otlp(o, "/v1/metrics")));
        return services;
    }
}

/// <summary>
/// Removes from every finished span what could carry personal data, whatever an instrumentation library put there:
/// the query string, the request path (a mistyped URL can hold a name; <c>http.route</c> stays), user identity and
/// the status description (an exception message). Server spans are named after the method and route template.
/// </summary>
public sealed class PersonalDataScrubber : BaseProcessor<Activity>
{
    private static readonly string[] Dropped = ["url.query", "url.path", "http.target", "http.url", "enduser.id", "enduser.role", "enduser.scope", "user.id", "user.name", "user.email", "user.full_name", "db.query.parameter", "exception.message", "exception.stacktrace"];

    public override void OnEnd(Activity data)
    {
        foreach (var tag in data.TagObjects.Select(t => t.Key).ToList())
        {
            if (Dropped.Any(d => tag == d || tag.StartsWith(d + ".", StringComparison.Ordinal)))
            {
                data.SetTag(tag, null);
            }
        }

        // An outgoing call keeps its address without the query (an OIDC callback or a future API could carry one).
        if (data.GetTagItem("url.full") is string full && full.IndexOfAny(['?', '#']) is var cut and >= 0)
        {
            data.SetTag("url.full", full[..cut]);
        }

        if (data.Kind == ActivityKind.Server)
        {
            var method = data.GetTagItem("http.request.method") as string ?? "HTTP";
            data.DisplayName = data.GetTagItem("http.route") is string route ? $"{method} {route}" : method;
        }

        if (data.Status == ActivityStatusCode.Error && !string.IsNullOrEmpty(data.StatusDescription))
        {
            data.SetStatus(ActivityStatusCode.Error);
        }
    }
}
