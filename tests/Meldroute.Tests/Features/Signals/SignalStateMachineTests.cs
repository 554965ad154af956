using Meldroute.Web.Features.Signals;

namespace Meldroute.Tests.Features.Signals;

[Trait("Category", "Domain")]
public sealed class SignalStateMachineTests
{
    public static TheoryData<SignalStatus, SignalStatus, TransitionKind> Legal() =>
        new()
        {
            { SignalStatus.Received, SignalStatus.InAnalysis, TransitionKind.Normal },
            { SignalStatus.InAnalysis, SignalStatus.OnAgenda, TransitionKind.Normal },
            { SignalStatus.OnAgenda, SignalStatus.Decided, TransitionKind.Normal },
            { SignalStatus.Decided, SignalStatus.Forwarded, TransitionKind.Normal },
            { SignalStatus.Forwarded, SignalStatus.Closed, TransitionKind.Normal },
            { SignalStatus.InAnalysis, SignalStatus.Decided, TransitionKind.Urgent },
            { SignalStatus.InAnalysis, SignalStatus.ClosedWithoutAction, TransitionKind.WithoutAction },
            { SignalStatus.Decided, SignalStatus.ClosedWithoutAction, TransitionKind.WithoutAction },
        };

    [Theory]
    [MemberData(nameof(Legal))]
    public void Every_legal_transition_is_allowed_with_its_kind(SignalStatus from, SignalStatus to, TransitionKind kind)
    {
        var check = SignalStateMachine.Check(from, to, "een reden");

        Assert.True(check.IsAllowed);
        Assert.Equal(kind, check.Kind);
    }

    [Fact]
    public void Every_other_pair_of_statuses_is_refused()
    {
        var legal = Legal().Select(row => ((SignalStatus)row[0], (SignalStatus)row[1])).ToHashSet();
        var statuses = Enum.GetValues<SignalStatus>();
        var checkedPairs = 0;
        foreach (var from in statuses)
        {
            foreach (var to in statuses.Where(to => !legal.Contains((from, to))))
            {
                var check = SignalStateMachine.Check(from, to, "een reden");
                Assert.False(check.IsAllowed, $"{from} → {to} should be refused");
                Assert.Equal(TransitionRefusal.NotAllowed, check.Refusal);
                checkedPairs++;
            }
        }

        Assert.Equal((statuses.Length * statuses.Length) - 8, checkedPairs);
        Assert.Equal(8, SignalStateMachine.Transitions.Count());
    }

    [Theory]
    [InlineData(SignalStatus.InAnalysis, SignalStatus.Decided)]
    [InlineData(SignalStatus.InAnalysis, SignalStatus.ClosedWithoutAction)]
    [InlineData(SignalStatus.Decided, SignalStatus.ClosedWithoutAction)]
    public void The_urgent_path_and_closing_without_action_need_a_reason(SignalStatus from, SignalStatus to)
    {
        Assert.Equal(TransitionRefusal.ReasonRequired, SignalStateMachine.Check(from, to, "  ").Refusal);
        Assert.Equal(TransitionRefusal.ReasonRequired, SignalStateMachine.Check(from, to, null).Refusal);
    }

    [Theory]
    [InlineData(SignalStatus.Received, ReporterStatus.Received)]
    [InlineData(SignalStatus.InAnalysis, ReporterStatus.InProgress)]
    [InlineData(SignalStatus.OnAgenda, ReporterStatus.InProgress)]
    [InlineData(SignalStatus.Decided, ReporterStatus.InProgress)]
    [InlineData(SignalStatus.Forwarded, ReporterStatus.Forwarded)]
    [InlineData(SignalStatus.Closed, ReporterStatus.Closed)]
    [InlineData(SignalStatus.ClosedWithoutAction, ReporterStatus.Closed)]
    public void The_reporter_sees_only_the_general_status(SignalStatus status, ReporterStatus reporter)
    {
        Assert.Equal(reporter, SignalStateMachine.ForReporter(status));
    }

    [Fact]
    public void Moving_writes_the_timeline_and_the_step_s_date()
    {
        var at = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        var signal = new Signal { Reference = "MR-2026-0001", SubmittedById = "u" };

        signal.MoveTo(SignalStatus.InAnalysis, null, at);
        var refused = signal.MoveTo(SignalStatus.Forwarded, null, at);

        Assert.False(refused.IsAllowed);
        Assert.Equal(SignalStatus.InAnalysis, signal.Status);
        Assert.Equal(at, signal.FirstAnalysisAt);
        var step = Assert.Single(signal.Timeline);
        Assert.Equal((SignalStatus.Received, SignalStatus.InAnalysis), (step.From, step.To));
    }
}
