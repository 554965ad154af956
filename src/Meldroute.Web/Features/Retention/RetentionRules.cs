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

    /// <summary>
    /// A signal still Decided this many days after its decision is flagged as a decision not forwarded, so that its data
    /// does not wait indefinitely for a hand-over. The plan names no term (section 11 only says signals are forwarded
    /// and then deleted at once), so the default is the same as <see cref="StuckAfterDays"/>.
    /// </summary>
    public int ForwardingNormDays { get; set; } = 10;

    /// <summary>Local time of day at which the daily retention run starts.</summary>
    public TimeOnly DailyRunAt { get; set; } = new(2, 0);
}

/// <summary>Why a signal is flagged to the officers: it waits too long for a first look, or its decision waits too long to be forwarded.</summary>
public enum StuckReason
{
    InIntake,
    DecisionNotForwarded,
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

    /// <summary>
    /// Why a signal is stuck, or null: received or in analysis for longer than <see cref="RetentionOptions.StuckAfterDays"/>,
    /// or decided longer than <see cref="RetentionOptions.ForwardingNormDays"/> ago and not forwarded (nor closed).
    /// </summary>
    public static StuckReason? Stuck(SignalStatus status, DateTimeOffset receivedAt, DateTimeOffset? decidedAt, DateTimeOffset now, RetentionOptions options) => status switch
    {
        SignalStatus.Received or SignalStatus.InAnalysis when receivedAt.AddDays(options.StuckAfterDays) <= now => StuckReason.InIntake,
        // A decided signal always has its decision date; without one the receipt is the safer start of the norm.
        SignalStatus.Decided when (decidedAt ?? receivedAt).AddDays(options.ForwardingNormDays) <= now => StuckReason.DecisionNotForwarded,
        _ => null,
    };

    /// <summary>
    /// When a meeting's title is due to be cleared: the term of a signal closed without action after the meeting is over
    /// (held, or closed if that was later). A title is free text that may name someone and needs no longer life than
    /// the content of the signals it discussed, which forwarding deletes at once and closing without action after that term.
    /// </summary>
    public static DateTimeOffset MeetingTitlePurgeDueAt(DateTimeOffset scheduledAt, DateTimeOffset? closedAt, RetentionOptions options) =>
        (closedAt is { } closed && closed > scheduledAt ? closed : scheduledAt).AddMonths(options.ClosedWithoutActionMonths);
}
