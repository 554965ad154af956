using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Meldroute.Web.Infrastructure.Observability;

/// <summary>
/// The OpenTelemetry SDK reports its own failures (a collector that cannot be reached, a refused export) only on its
/// event sources, which nothing reads by default: telemetry would stop silently. This listener, on while
/// OpenTelemetry:Enabled, writes their warnings and errors to the app's log (category
/// <c>Meldroute.Web.Infrastructure.Observability.TelemetryFailureLog</c>), one line per kind of failure per minute at
/// most, with how many were left out, so that a collector that is down does not flood the log.
/// </summary>
public sealed class TelemetryFailureLog : EventListener, IHostedService
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string Source, int EventId), (DateTimeOffset Last, int Left)> seen = new();
    private readonly List<EventSource> pending = [];
    private ILogger? logger;
    private readonly TimeProvider clock;

    /// <summary>Starts listening only once the host has a logger; sources created before are enabled then.</summary>
    public TelemetryFailureLog(ILogger<TelemetryFailureLog> logger, TimeProvider clock)
    {
        this.clock = clock;
        lock (pending)
        {
            this.logger = logger;
            foreach (var source in pending)
            {
                EnableEvents(source, EventLevel.Warning);
            }

            pending.Clear();
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (!eventSource.Name.StartsWith("OpenTelemetry-", StringComparison.Ordinal))
        {
            return;
        }

        // Called from the base constructor for the sources that exist already, before this constructor's body ran
        // (field initialisers run before it, so the list is there).
        lock (pending)
        {
            if (logger is null)
            {
                pending.Add(eventSource);
                return;
            }
        }

        EnableEvents(eventSource, EventLevel.Warning);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (logger is null || eventData.Level is not (EventLevel.Critical or EventLevel.Error or EventLevel.Warning))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var key = (eventData.EventSource.Name, eventData.EventId);
        var left = 0;
        var write = false;
        seen.AddOrUpdate(key, _ => { write = true; return (now, 0); }, (_, before) =>
        {
            if (now - before.Last < Quiet)
            {
                return (before.Last, before.Left + 1);
            }

            write = true;
            left = before.Left;
            return (now, 0);
        });
        if (!write)
        {
            return;
        }

        var message = eventData.Message is { } format && eventData.Payload is { } payload
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, format, [.. payload])
            : string.Join(", ", eventData.Payload ?? []);
        logger.Log(
            eventData.Level == EventLevel.Warning ? LogLevel.Warning : LogLevel.Error,
            "OpenTelemetry {Source} ({Event}): {Message} ({Left} like it left out in the minute before)",
            eventData.EventSource.Name, eventData.EventName, message, left);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
