using Meldroute.Web.Features.Retention;
using Meldroute.Web.Features.Signals;

namespace Meldroute.Tests.Features.Retention;

[Trait("Category", "Domain")]
public sealed class RetentionRulesTests
{
    private static readonly RetentionOptions Options = new() { ClosedWithoutActionMonths = 6, StuckAfterDays = 10, ForwardingNormDays = 7 };
    private static readonly DateTimeOffset Closed = new(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Only_signals_closed_without_action_and_not_yet_purged_have_a_due_date()
    {
        Assert.Equal(Closed.AddMonths(6), RetentionRules.PurgeDueAt(SignalStatus.ClosedWithoutAction, Closed, purged: false, Options));
        Assert.Null(RetentionRules.PurgeDueAt(SignalStatus.ClosedWithoutAction, Closed, purged: true, Options));
        Assert.Null(RetentionRules.PurgeDueAt(SignalStatus.Closed, Closed, purged: false, Options));
        Assert.Null(RetentionRules.PurgeDueAt(SignalStatus.InAnalysis, null, purged: false, Options));
    }

    [Fact]
    public void A_purge_is_due_from_the_end_of_the_term_unless_a_legal_hold_stops_it()
    {
        var end = Closed.AddMonths(6);

        Assert.False(RetentionRules.IsDue(SignalStatus.ClosedWithoutAction, Closed, false, false, end.AddSeconds(-1), Options));
        Assert.True(RetentionRules.IsDue(SignalStatus.ClosedWithoutAction, Closed, false, false, end, Options));
        Assert.False(RetentionRules.IsDue(SignalStatus.ClosedWithoutAction, Closed, false, onHold: true, end.AddYears(1), Options));
    }

    [Theory]
    [InlineData(SignalStatus.Received, 10, StuckReason.InIntake)]
    [InlineData(SignalStatus.InAnalysis, 11, StuckReason.InIntake)]
    [InlineData(SignalStatus.Received, 9, null)]
    [InlineData(SignalStatus.OnAgenda, 30, null)]
    [InlineData(SignalStatus.Forwarded, 30, null)]
    [InlineData(SignalStatus.ClosedWithoutAction, 30, null)]
    public void Signals_received_or_in_analysis_beyond_the_term_are_stuck_in_intake(SignalStatus status, int daysOld, StuckReason? stuck)
    {
        var received = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(stuck, RetentionRules.Stuck(status, received, decidedAt: null, received.AddDays(daysOld), Options));
    }

    [Theory]
    [InlineData(6, null)]
    [InlineData(7, StuckReason.DecisionNotForwarded)]
    [InlineData(40, StuckReason.DecisionNotForwarded)]
    public void A_decision_not_forwarded_within_the_norm_is_stuck_counted_from_the_decision_not_the_receipt(int daysSinceDecision, StuckReason? stuck)
    {
        var received = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var decided = received.AddDays(30);

        Assert.Equal(stuck, RetentionRules.Stuck(SignalStatus.Decided, received, decided, decided.AddDays(daysSinceDecision), Options));
    }

    [Fact]
    public void A_decided_signal_without_a_decision_date_counts_the_norm_from_its_receipt()
    {
        var received = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Null(RetentionRules.Stuck(SignalStatus.Decided, received, decidedAt: null, received.AddDays(6), Options));
        Assert.Equal(StuckReason.DecisionNotForwarded, RetentionRules.Stuck(SignalStatus.Decided, received, decidedAt: null, received.AddDays(7), Options));
    }

    [Fact]
    public void A_meeting_title_is_due_a_closed_signal_term_after_the_meeting_or_after_its_closing_when_that_was_later()
    {
        var scheduled = new DateTimeOffset(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);

        Assert.Equal(scheduled.AddMonths(6), RetentionRules.MeetingTitlePurgeDueAt(scheduled, closedAt: null, Options));
        Assert.Equal(scheduled.AddDays(9).AddMonths(6), RetentionRules.MeetingTitlePurgeDueAt(scheduled, scheduled.AddDays(9), Options));
        Assert.Equal(scheduled.AddMonths(6), RetentionRules.MeetingTitlePurgeDueAt(scheduled, scheduled.AddDays(-2), Options));
    }
}
