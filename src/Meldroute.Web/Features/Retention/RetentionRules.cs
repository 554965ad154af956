using Meldroute.Web.Features.Signals;

namespace Meldroute.Web.Features.Retention;

/// <summary>Settings under "Retention". Terms are the municipality's choice; its archivist confirms them (docs/privacy.md).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>How long a signal closed without action keeps its personal data.</summary>
    public int ClosedWithoutActionMonths { get; set; } = 6;

    /// <summary>How long a closed victim dossier is kept before its content is deleted (the archivist confirms the term).</summary>
    public int VictimDossierMonths { get; set; } = 24;

    /// <summary>How long audit events are kept; older whole days are removed, leaving a checkpoint in the chain.</summary>
    public int AuditLogYears { get; set; } = 7;

    /// <summary>A signal still Received or InAnalysis after this many days is flagged to the officers.</summary>
    public int StuckAfterDays { get; set; } = 10;

    /// <summary>Local time of day at which the daily retention run starts.</summary>
    public TimeOnly DailyRunAt { get; set; } = new(2, 0);
}

/// <summary>The retention rules of plan section 11 that depend on time. No I/O.</summary>
public static class RetentionRules
{
    public const string ClosedWithoutActionRule = "retention-closed-without-action";

    public const string VictimDossierRule = VictimDossiers.DossierPurge.Rule;

    /// <summary>When a signal's personal data is due for deletion, or null when no time rule applies (or it is gone already).</summary>
    public static DateTimeOffset? PurgeDueAt(SignalStatus status, DateTimeOffset? closedAt, bool purged, RetentionOptions options) =>
        status == SignalStatus.ClosedWithoutAction && !purged && closedAt is { } closed ? closed.AddMonths(options.ClosedWithoutActionMonths) : null;

    public static bool IsDue(SignalStatus status, DateTimeOffset? closedAt, bool purged, bool onHold, DateTimeOffset now, RetentionOptions options) =>
        !onHold && PurgeDueAt(status, closedAt, purged, options) is { } due && due <= now;

    /// <summary>When a closed victim dossier's content is due for deletion, or null while it is open (or already purged).</summary>
    public static DateTimeOffset? DossierPurgeDueAt(DateTimeOffset? closedAt, bool purged, RetentionOptions options) =>
        !purged && closedAt is { } closed ? closed.AddMonths(options.VictimDossierMonths) : null;

    /// <summary>The first day whose audit events are kept: whole days before it are removed.</summary>
    public static DateOnly AuditKeptFrom(DateTimeOffset now, RetentionOptions options) =>
        DateOnly.FromDateTime(now.UtcDateTime).AddYears(-options.AuditLogYears);

    /// <summary>Stuck in intake: received or in analysis for longer than the term.</summary>
    public static bool IsStuck(SignalStatus status, DateTimeOffset receivedAt, DateTimeOffset now, RetentionOptions options) =>
        status is SignalStatus.Received or SignalStatus.InAnalysis && receivedAt.AddDays(options.StuckAfterDays) <= now;
}
