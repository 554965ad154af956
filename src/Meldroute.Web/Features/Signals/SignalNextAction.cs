namespace Meldroute.Web.Features.Signals;

/// <summary>
/// The steps of the procedure in the order an officer walks them (the signal page's status bar): the signal is
/// received, analysed, put on a case table's agenda, the table decides its routes, every route that hands data over
/// gets its own balancing of interests, then it is handed over, and the signal is closed.
/// </summary>
public enum ProcedureStep
{
    Received,
    Analysis,
    CaseTable,
    Decision,
    BalancingOfInterests,
    HandOver,
    Closing,
}

/// <summary>Where a step stands for one signal.</summary>
public enum ProcedureStepState
{
    /// <summary>Still to come.</summary>
    ToDo,

    /// <summary>The step the work is in now.</summary>
    Current,

    Done,

    /// <summary>Not walked and not needed: the urgent path skips the case table; nothing to forward skips balancing and hand-over.</summary>
    Skipped,
}

/// <summary>What an officer does next on a signal.</summary>
public enum NextActionCode
{
    /// <summary>Received: read what was reported and record the first analysis.</summary>
    RecordAnalysis,

    /// <summary>In analysis: put it on the agenda of an open case-table meeting.</summary>
    ScheduleOnAgenda,

    /// <summary>In analysis without an open meeting: a meeting has to be planned before it can go on an agenda.</summary>
    PlanMeeting,

    /// <summary>On the agenda: record the case table's decision (its routes).</summary>
    RecordDecision,

    /// <summary>In analysis, as an alternative: an acute case is decided by one officer without the case table, with a reason.</summary>
    RecordUrgentDecision,

    /// <summary>Decided: a route that hands data over has no balancing of interests that justified sharing yet.</summary>
    RecordBalancing,

    /// <summary>Decided, every balancing done: hand the routes over to their recipients.</summary>
    HandOver,

    /// <summary>Decided with nothing to forward (no further action): close without action, with a reason.</summary>
    CloseWithoutAction,

    /// <summary>Forwarded: close the signal (and give the reporter general feedback when that is still owed).</summary>
    Close,

    /// <summary>Closed, but the reporter has had no general feedback yet.</summary>
    GiveFeedback,

    /// <summary>Closed with feedback given: nothing left to do.</summary>
    None,
}

/// <summary>Why a step cannot be taken now.</summary>
public enum BlockReason
{
    /// <summary>Nothing can go on an agenda while no meeting is open.</summary>
    NoOpenMeeting,

    /// <summary>A route is handed over only after its own balancing of interests justified sharing (AVG art. 6).</summary>
    BalancingMissing,

    /// <summary>The route's latest balancing of interests found sharing not justified: it stays blocked until a new one does.</summary>
    BalancingNotJustified,
}

/// <summary>A step that is blocked, why, and for which routes (empty when the block is not about routes).</summary>
public sealed record StepBlock(ProcedureStep Step, BlockReason Reason, IReadOnlyList<Route> Routes);

/// <summary>A decided route as the next action needs it.</summary>
/// <param name="Route">The route.</param>
/// <param name="StepsToGo">What it still needs (<see cref="DecisionRoute.StepsToGo"/>): empty when handed over or nothing to hand over.</param>
/// <param name="LatestBalancingRefused">Whether its latest balancing of interests found sharing not justified.</param>
public sealed record RouteProgress(Route Route, IReadOnlyList<RouteStep> StepsToGo, bool LatestBalancingRefused = false);

/// <summary>What the next action is computed from: anonymous facts of one signal, no personal data.</summary>
/// <param name="Status">The signal's status.</param>
/// <param name="WentToCaseTable">Whether it was ever on a case table's agenda (false on the urgent path).</param>
/// <param name="AnyMeetingOpen">Whether a case-table meeting is open to put it on.</param>
/// <param name="Routes">The decided routes.</param>
/// <param name="FeedbackGiven">Whether the reporter has had general feedback.</param>
public sealed record SignalProgress(SignalStatus Status, bool WentToCaseTable, bool AnyMeetingOpen, IReadOnlyList<RouteProgress> Routes, bool FeedbackGiven);

/// <summary>One step of the status bar and where it stands.</summary>
public sealed record ProcedureStepStatus(ProcedureStep Step, ProcedureStepState State);

/// <summary>
/// The next action on a signal: what to do now (<see cref="Code"/>), in which step (<see cref="Step"/>), for which
/// routes, the alternatives the state machine allows, what is blocked and why, and every step's state.
/// </summary>
public sealed record NextAction(
    NextActionCode Code,
    ProcedureStep Step,
    IReadOnlyList<Route> Routes,
    IReadOnlyList<NextActionCode> Alternatives,
    IReadOnlyList<StepBlock> Blocked,
    IReadOnlyList<ProcedureStepStatus> Steps,
    bool FeedbackOwed);

/// <summary>
/// The next action on a signal, from its status (<see cref="SignalStateMachine"/>) and its routes' steps
/// (<see cref="DecisionRoute.StepsToGo"/>). The balancing of interests comes before the hand-over: while a route
/// lacks a balancing that justified sharing, the next action is that balancing and the hand-over is blocked, naming
/// the routes. No I/O.
/// </summary>
public static class SignalNextAction
{
    /// <summary>Every step, in the order of the procedure.</summary>
    public static readonly ProcedureStep[] Steps = Enum.GetValues<ProcedureStep>();

    public static NextAction For(SignalProgress p)
    {
        var forwarding = p.Routes.Where(r => r.Route != Route.NoFurtherAction).ToList();
        var needBalancing = forwarding.Where(r => r.StepsToGo.Count > 0 && r.StepsToGo[0] == RouteStep.BalancingOfInterests).ToList();
        var readyToHandOver = forwarding.Where(r => r.StepsToGo.Count > 0 && r.StepsToGo[0] == RouteStep.HandOver).Select(r => r.Route).ToList();
        var feedbackOwed = !p.FeedbackGiven;

        (NextActionCode Code, ProcedureStep Step, IReadOnlyList<Route> Routes, IReadOnlyList<NextActionCode> Alternatives, IReadOnlyList<StepBlock> Blocked) next = p.Status switch
        {
            SignalStatus.Received => (NextActionCode.RecordAnalysis, ProcedureStep.Analysis, [], [], []),
            SignalStatus.InAnalysis when p.AnyMeetingOpen =>
                (NextActionCode.ScheduleOnAgenda, ProcedureStep.CaseTable, [], [NextActionCode.RecordUrgentDecision, NextActionCode.CloseWithoutAction], []),
            SignalStatus.InAnalysis =>
                (NextActionCode.PlanMeeting, ProcedureStep.CaseTable, [], [NextActionCode.RecordUrgentDecision, NextActionCode.CloseWithoutAction], [new StepBlock(ProcedureStep.CaseTable, BlockReason.NoOpenMeeting, [])]),
            SignalStatus.OnAgenda => (NextActionCode.RecordDecision, ProcedureStep.Decision, [], [], []),
            SignalStatus.Decided when needBalancing.Count > 0 =>
                (NextActionCode.RecordBalancing, ProcedureStep.BalancingOfInterests, [.. needBalancing.Select(r => r.Route)], [], BalancingBlocks(needBalancing)),
            SignalStatus.Decided when readyToHandOver.Count > 0 => (NextActionCode.HandOver, ProcedureStep.HandOver, readyToHandOver, [], []),
            SignalStatus.Decided => (NextActionCode.CloseWithoutAction, ProcedureStep.Closing, [], [], []),
            SignalStatus.Forwarded => (NextActionCode.Close, ProcedureStep.Closing, [], [], []),
            _ when feedbackOwed => (NextActionCode.GiveFeedback, ProcedureStep.Closing, [], [], []),
            _ => (NextActionCode.None, ProcedureStep.Closing, [], [], []),
        };

        return new NextAction(next.Code, next.Step, next.Routes, next.Alternatives, next.Blocked, StepStates(p, next.Step, forwarding.Count > 0), feedbackOwed && !SignalStateMachine.IsOpen(p.Status));
    }

    /// <summary>The hand-over is blocked for every route that lacks its balancing; a refused balancing is named apart from a missing one.</summary>
    private static List<StepBlock> BalancingBlocks(IReadOnlyList<RouteProgress> needBalancing)
    {
        var blocks = new List<StepBlock>();
        var missing = needBalancing.Where(r => !r.LatestBalancingRefused).Select(r => r.Route).ToList();
        var refused = needBalancing.Where(r => r.LatestBalancingRefused).Select(r => r.Route).ToList();
        if (missing.Count > 0)
        {
            blocks.Add(new StepBlock(ProcedureStep.HandOver, BlockReason.BalancingMissing, missing));
        }

        if (refused.Count > 0)
        {
            blocks.Add(new StepBlock(ProcedureStep.HandOver, BlockReason.BalancingNotJustified, refused));
        }

        return blocks;
    }

    private static List<ProcedureStepStatus> StepStates(SignalProgress p, ProcedureStep current, bool forwards)
    {
        var closed = p.Status is SignalStatus.Closed or SignalStatus.ClosedWithoutAction;
        var decided = p.Status is SignalStatus.Decided or SignalStatus.Forwarded or SignalStatus.Closed || (p.Status == SignalStatus.ClosedWithoutAction && p.Routes.Count > 0);
        var forwarded = p.Status is SignalStatus.Forwarded or SignalStatus.Closed;
        bool Done(ProcedureStep step) => step switch
        {
            ProcedureStep.Received => true,
            ProcedureStep.Analysis => p.Status != SignalStatus.Received,
            ProcedureStep.CaseTable => p.WentToCaseTable && p.Status != SignalStatus.InAnalysis,
            ProcedureStep.Decision => decided,
            ProcedureStep.BalancingOfInterests => forwarded || (decided && forwards && p.Routes.All(r => r.StepsToGo.Count == 0 || r.StepsToGo[0] != RouteStep.BalancingOfInterests)),
            ProcedureStep.HandOver => forwarded,
            _ => closed,
        };

        // A step is skipped when the signal went past it without it: the urgent path past the case table, nothing to
        // forward past balancing and hand-over, closing without action past everything not done.
        bool Skipped(ProcedureStep step) => step switch
        {
            ProcedureStep.CaseTable => !p.WentToCaseTable && (decided || closed),
            ProcedureStep.BalancingOfInterests or ProcedureStep.HandOver => (decided && !forwards) || (closed && !Done(step)),
            ProcedureStep.Decision => closed && !decided,
            _ => false,
        };

        return [.. Steps.Select(step => new ProcedureStepStatus(step, Done(step) ? ProcedureStepState.Done
            : step == current ? ProcedureStepState.Current
            : Skipped(step) ? ProcedureStepState.Skipped
            : ProcedureStepState.ToDo))];
    }
}
