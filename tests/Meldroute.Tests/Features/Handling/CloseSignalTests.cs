using Meldroute.Web.Features.Handling;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Features.Signals;

namespace Meldroute.Tests.Features.Handling;

/// <summary>What the confirmation before closing a signal says will happen (issue 16), from the rules alone.</summary>
[Trait("Category", "Domain")]
public sealed class CloseSignalTests
{
    private static readonly RetentionOptions Retention = new() { ClosedWithoutActionMonths = 6 };
    private static readonly DateTimeOffset Now = new(2026, 3, 31, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(SignalStatus.InAnalysis)]
    [InlineData(SignalStatus.Decided)]
    public void Closing_an_open_signal_closes_it_without_action_and_its_personal_data_goes_after_the_retention_term(SignalStatus from)
    {
        var closing = CloseSignal.Preview(from, feedback: null, purgedAt: null, Now, Retention);

        Assert.Equal(SignalStatus.ClosedWithoutAction, closing.To);
        Assert.Equal(ReporterStatus.Closed, closing.ReporterSees);
        Assert.Null(closing.Feedback);
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 9, 0, 0, TimeSpan.Zero), closing.PurgeDueAt);
        Assert.Null(closing.PurgedAt);
    }

    [Fact]
    public void The_term_is_the_municipalitys_setting()
    {
        var closing = CloseSignal.Preview(SignalStatus.InAnalysis, null, null, Now, new RetentionOptions { ClosedWithoutActionMonths = 12 });

        Assert.Equal(Now.AddMonths(12), closing.PurgeDueAt);
    }

    [Fact]
    public void Closing_a_forwarded_signal_closes_it_keeps_the_feedback_and_has_nothing_left_to_delete()
    {
        var purged = Now.AddDays(-2);

        var closing = CloseSignal.Preview(SignalStatus.Forwarded, FeedbackMessage.ThankYouForwarded, purged, Now, Retention);

        Assert.Equal(SignalStatus.Closed, closing.To);
        Assert.Equal(ReporterStatus.Closed, closing.ReporterSees);
        Assert.Equal(FeedbackMessage.ThankYouForwarded, closing.Feedback);
        Assert.Null(closing.PurgeDueAt);
        Assert.Equal(purged, closing.PurgedAt);
    }
}
