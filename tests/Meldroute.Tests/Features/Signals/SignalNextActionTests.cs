using Meldroute.Web.Features.Signals;

namespace Meldroute.Tests.Features.Signals;

/// <summary>
/// The next action on a signal (issue 19 item 2): for every status what the officer does now, in which step, what is
/// blocked and why, and where every step of the status bar stands. The balancing of interests comes before forwarding.
/// </summary>
[Trait("Category", "Domain")]
public sealed class SignalNextActionTests
{
    private static readonly RouteProgress VictimUnbalanced = new(Route.VictimTrack, [RouteStep.BalancingOfInterests, RouteStep.HandOver]);
    private static readonly RouteProgress PerpetratorUnbalanced = new(Route.PerpetratorTrack, [RouteStep.BalancingOfInterests, RouteStep.HandOver]);
    private static readonly RouteProgress VictimBalanced = new(Route.VictimTrack, [RouteStep.HandOver]);
    private static readonly RouteProgress VictimHandedOver = new(Route.VictimTrack, []);

    private static SignalProgress Progress(SignalStatus status, bool wentToCaseTable = true, bool anyMeetingOpen = true, IReadOnlyList<RouteProgress>? routes = null, bool feedbackGiven = false) =>
        new(status, wentToCaseTable, anyMeetingOpen, routes ?? [], feedbackGiven);

    private static ProcedureStepState State(NextAction next, ProcedureStep step) => next.Steps.Single(s => s.Step == step).State;

    /// <summary>One row per status (and per case a status has): its next action and the step it is in.</summary>
    public static TheoryData<string, NextActionCode, ProcedureStep> EveryStatus() => new()
    {
        { "received", NextActionCode.RecordAnalysis, ProcedureStep.Analysis },
        { "in analysis, a meeting open", NextActionCode.ScheduleOnAgenda, ProcedureStep.CaseTable },
        { "in analysis, no meeting open", NextActionCode.PlanMeeting, ProcedureStep.CaseTable },
        { "on the agenda", NextActionCode.RecordDecision, ProcedureStep.Decision },
        { "decided, routes without balancing", NextActionCode.RecordBalancing, ProcedureStep.BalancingOfInterests },
        { "decided, routes balanced", NextActionCode.HandOver, ProcedureStep.HandOver },
        { "decided, no further action", NextActionCode.CloseWithoutAction, ProcedureStep.Closing },
        { "forwarded", NextActionCode.Close, ProcedureStep.Closing },
        { "closed without feedback", NextActionCode.GiveFeedback, ProcedureStep.Closing },
        { "closed with feedback", NextActionCode.None, ProcedureStep.Closing },
        { "closed without action, with feedback", NextActionCode.None, ProcedureStep.Closing },
    };

    private static SignalProgress Case(string name) => name switch
    {
        "received" => Progress(SignalStatus.Received, wentToCaseTable: false),
        "in analysis, a meeting open" => Progress(SignalStatus.InAnalysis, wentToCaseTable: false),
        "in analysis, no meeting open" => Progress(SignalStatus.InAnalysis, wentToCaseTable: false, anyMeetingOpen: false),
        "on the agenda" => Progress(SignalStatus.OnAgenda),
        "decided, routes without balancing" => Progress(SignalStatus.Decided, routes: [VictimUnbalanced, PerpetratorUnbalanced]),
        "decided, routes balanced" => Progress(SignalStatus.Decided, routes: [VictimBalanced]),
        "decided, no further action" => Progress(SignalStatus.Decided, routes: [new RouteProgress(Route.NoFurtherAction, [])]),
        "forwarded" => Progress(SignalStatus.Forwarded, routes: [VictimHandedOver]),
        "closed without feedback" => Progress(SignalStatus.Closed, routes: [VictimHandedOver]),
        "closed with feedback" => Progress(SignalStatus.Closed, routes: [VictimHandedOver], feedbackGiven: true),
        "closed without action, with feedback" => Progress(SignalStatus.ClosedWithoutAction, wentToCaseTable: false, feedbackGiven: true),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void Every_status_has_its_next_action_in_its_step_and_the_bar_marks_that_step(string name, NextActionCode code, ProcedureStep step)
    {
        var next = SignalNextAction.For(Case(name));

        Assert.Equal(code, next.Code);
        Assert.Equal(step, next.Step);
        Assert.Equal(SignalNextAction.Steps, next.Steps.Select(s => s.Step));
        // The current step is the one being worked in; a closed signal's last step is done. No step after it is done.
        Assert.Equal(code == NextActionCode.None || code == NextActionCode.GiveFeedback ? ProcedureStepState.Done : ProcedureStepState.Current, State(next, step));
        Assert.True(next.Steps.Count(s => s.State == ProcedureStepState.Current) <= 1);
        Assert.DoesNotContain(next.Steps.SkipWhile(s => s.Step != step).Skip(1), s => s.State == ProcedureStepState.Done);
    }

    [Fact]
    public void The_cases_cover_every_status_of_the_state_machine()
    {
        var covered = EveryStatus().Select(row => Case((string)row[0]).Status).ToHashSet();

        Assert.Equal(Enum.GetValues<SignalStatus>().ToHashSet(), covered);
    }

    [Fact]
    public void A_received_signal_is_analysed_first_and_nothing_after_it_is_done()
    {
        var next = SignalNextAction.For(Progress(SignalStatus.Received, wentToCaseTable: false));

        Assert.Equal(ProcedureStepState.Done, State(next, ProcedureStep.Received));
        Assert.Equal(ProcedureStepState.Current, State(next, ProcedureStep.Analysis));
        Assert.All(next.Steps.Skip(2), s => Assert.Equal(ProcedureStepState.ToDo, s.State));
        Assert.Empty(next.Blocked);
        Assert.False(next.FeedbackOwed);
    }

    [Fact]
    public void In_analysis_without_an_open_meeting_putting_it_on_an_agenda_is_blocked_and_the_other_ways_are_named()
    {
        var open = SignalNextAction.For(Progress(SignalStatus.InAnalysis, wentToCaseTable: false));
        var none = SignalNextAction.For(Progress(SignalStatus.InAnalysis, wentToCaseTable: false, anyMeetingOpen: false));

        Assert.Empty(open.Blocked);
        var block = Assert.Single(none.Blocked);
        Assert.Equal((ProcedureStep.CaseTable, BlockReason.NoOpenMeeting), (block.Step, block.Reason));
        Assert.Equal([NextActionCode.RecordUrgentDecision, NextActionCode.CloseWithoutAction], none.Alternatives);
        Assert.Equal(ProcedureStepState.Done, State(none, ProcedureStep.Analysis));
    }

    [Fact]
    public void A_decided_signal_asks_for_the_balancing_of_every_route_before_forwarding_and_forwarding_is_blocked_until_then()
    {
        var next = SignalNextAction.For(Progress(SignalStatus.Decided, routes: [VictimUnbalanced, PerpetratorUnbalanced]));

        Assert.Equal(NextActionCode.RecordBalancing, next.Code);
        Assert.Equal([Route.VictimTrack, Route.PerpetratorTrack], next.Routes);
        var block = Assert.Single(next.Blocked);
        Assert.Equal((ProcedureStep.HandOver, BlockReason.BalancingMissing), (block.Step, block.Reason));
        Assert.Equal([Route.VictimTrack, Route.PerpetratorTrack], block.Routes);
        // In the bar the balancing comes before forwarding: current, then still to do.
        var steps = next.Steps.Select(s => s.Step).ToList();
        Assert.True(steps.IndexOf(ProcedureStep.BalancingOfInterests) < steps.IndexOf(ProcedureStep.HandOver));
        Assert.Equal(ProcedureStepState.Current, State(next, ProcedureStep.BalancingOfInterests));
        Assert.Equal(ProcedureStepState.ToDo, State(next, ProcedureStep.HandOver));
        Assert.Equal(ProcedureStepState.Done, State(next, ProcedureStep.Decision));
    }

    [Fact]
    public void One_route_balanced_and_one_not_still_asks_for_the_missing_balancing_first_naming_only_that_route()
    {
        var next = SignalNextAction.For(Progress(SignalStatus.Decided, routes: [VictimBalanced, PerpetratorUnbalanced]));

        Assert.Equal(NextActionCode.RecordBalancing, next.Code);
        Assert.Equal([Route.PerpetratorTrack], next.Routes);
        Assert.Equal([Route.PerpetratorTrack], Assert.Single(next.Blocked).Routes);
    }

    [Fact]
    public void A_balancing_that_found_sharing_not_justified_keeps_forwarding_blocked_and_says_so()
    {
        var refused = new RouteProgress(Route.VictimTrack, [RouteStep.BalancingOfInterests, RouteStep.HandOver], LatestBalancingRefused: true);

        var next = SignalNextAction.For(Progress(SignalStatus.Decided, routes: [refused, PerpetratorUnbalanced]));

        Assert.Equal(NextActionCode.RecordBalancing, next.Code);
        Assert.Equal(
            [(ProcedureStep.HandOver, BlockReason.BalancingMissing, Route.PerpetratorTrack), (ProcedureStep.HandOver, BlockReason.BalancingNotJustified, Route.VictimTrack)],
            next.Blocked.Select(b => (b.Step, b.Reason, Assert.Single(b.Routes))));
    }

    [Fact]
    public void Every_route_balanced_means_forwarding_the_routes_still_to_go()
    {
        var next = SignalNextAction.For(Progress(SignalStatus.Decided, routes: [VictimHandedOver, new RouteProgress(Route.PerpetratorTrack, [RouteStep.HandOver])]));

        Assert.Equal(NextActionCode.HandOver, next.Code);
        Assert.Equal([Route.PerpetratorTrack], next.Routes);
        Assert.Empty(next.Blocked);
        Assert.Equal(ProcedureStepState.Done, State(next, ProcedureStep.BalancingOfInterests));
        Assert.Equal(ProcedureStepState.Current, State(next, ProcedureStep.HandOver));
    }

    [Fact]
    public void A_decision_without_anything_to_forward_skips_balancing_and_forwarding_and_asks_to_close_without_action()
    {
        var next = SignalNextAction.For(Progress(SignalStatus.Decided, routes: [new RouteProgress(Route.NoFurtherAction, [])]));

        Assert.Equal(NextActionCode.CloseWithoutAction, next.Code);
        Assert.Equal(ProcedureStepState.Skipped, State(next, ProcedureStep.BalancingOfInterests));
        Assert.Equal(ProcedureStepState.Skipped, State(next, ProcedureStep.HandOver));
        Assert.Equal(ProcedureStepState.Current, State(next, ProcedureStep.Closing));
    }

    [Fact]
    public void The_urgent_path_skips_the_case_table()
    {
        var next = SignalNextAction.For(Progress(SignalStatus.Decided, wentToCaseTable: false, routes: [VictimUnbalanced]));

        Assert.Equal(ProcedureStepState.Skipped, State(next, ProcedureStep.CaseTable));
        Assert.Equal(ProcedureStepState.Done, State(next, ProcedureStep.Decision));
    }

    [Fact]
    public void A_forwarded_signal_is_closed_next_and_feedback_is_owed_until_given()
    {
        var without = SignalNextAction.For(Progress(SignalStatus.Forwarded, routes: [VictimHandedOver]));
        var with = SignalNextAction.For(Progress(SignalStatus.Forwarded, routes: [VictimHandedOver], feedbackGiven: true));

        Assert.Equal(NextActionCode.Close, without.Code);
        Assert.True(without.FeedbackOwed);
        Assert.False(with.FeedbackOwed);
        Assert.All(without.Steps.Where(s => s.Step != ProcedureStep.Closing), s => Assert.Equal(ProcedureStepState.Done, s.State));
    }

    [Fact]
    public void Closed_without_action_after_the_analysis_skips_every_step_it_did_not_walk()
    {
        var next = SignalNextAction.For(Progress(SignalStatus.ClosedWithoutAction, wentToCaseTable: false));

        Assert.Equal(NextActionCode.GiveFeedback, next.Code);
        Assert.True(next.FeedbackOwed);
        Assert.Equal(
            [ProcedureStepState.Done, ProcedureStepState.Done, ProcedureStepState.Skipped, ProcedureStepState.Skipped, ProcedureStepState.Skipped, ProcedureStepState.Skipped, ProcedureStepState.Done],
            next.Steps.Select(s => s.State));
    }

    [Fact]
    public void Closed_without_action_after_a_decision_counts_the_decision_as_done()
    {
        var next = SignalNextAction.For(Progress(SignalStatus.ClosedWithoutAction, routes: [new RouteProgress(Route.NoFurtherAction, [])], feedbackGiven: true));

        Assert.Equal(NextActionCode.None, next.Code);
        Assert.Equal(ProcedureStepState.Done, State(next, ProcedureStep.CaseTable));
        Assert.Equal(ProcedureStepState.Done, State(next, ProcedureStep.Decision));
        Assert.Equal(ProcedureStepState.Skipped, State(next, ProcedureStep.BalancingOfInterests));
    }
}
