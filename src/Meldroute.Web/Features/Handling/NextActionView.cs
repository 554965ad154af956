using Meldroute.Web.Features.Signals;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Handling;

/// <summary>A blocked step in GetSignal: the domain's codes and the sentence the page shows.</summary>
public sealed record StepBlockView(ProcedureStep Step, BlockReason Reason, IReadOnlyList<Route> Routes, string Text);

/// <summary>
/// The next action on a signal as GetSignal gives it (<see cref="SignalNextAction"/>): the stable codes for API
/// clients and the sentences the signal's page shows, in the reader's language.
/// </summary>
public sealed record NextActionView(
    NextActionCode Code,
    ProcedureStep Step,
    IReadOnlyList<Route> Routes,
    string Text,
    IReadOnlyList<StepBlockView> Blocked,
    IReadOnlyList<NextActionCode> Alternatives,
    IReadOnlyList<ProcedureStepStatus> Steps,
    bool FeedbackOwed)
{
    /// <summary>The facts the next action is computed from, taken from a signal's detail (no personal data is used).</summary>
    public static SignalProgress ProgressOf(SignalStatus status, bool wentToCaseTable, bool anyMeetingOpen, IReadOnlyList<RouteView> routes, IReadOnlyList<BalancingView> balancing, FeedbackMessage? feedback) =>
        new(status, wentToCaseTable, anyMeetingOpen,
            [.. routes.Select(r => new RouteProgress(r.Route, r.StepsToGo, balancing.Where(b => b.RouteId == r.Id).MaxBy(b => b.RecordedAt.UtcTicks) is { SharingJustified: false }))],
            feedback is not null);

    public static NextActionView Describe(NextAction next, IStringLocalizer t)
    {
        var routes = RouteList(next.Routes, t);
        var text = next.Code switch
        {
            NextActionCode.RecordBalancing or NextActionCode.HandOver => t["NextAction_" + next.Code, routes].Value,
            NextActionCode.Close when next.FeedbackOwed => t["NextAction_Close"].Value + " " + t["NextAction_FeedbackOwed"].Value,
            _ => t["NextAction_" + next.Code].Value,
        };
        return new NextActionView(
            next.Code, next.Step, next.Routes, text,
            [.. next.Blocked.Select(b => new StepBlockView(b.Step, b.Reason, b.Routes, t["Blocked_" + b.Reason, t["Step_" + b.Step], RouteList(b.Routes, t)].Value))],
            next.Alternatives, next.Steps, next.FeedbackOwed);
    }

    /// <summary>Route names as a sentence lists them: "A, B en C" (the names hold commas of their own inside brackets).</summary>
    private static string RouteList(IReadOnlyList<Route> routes, IStringLocalizer t)
    {
        var names = routes.Select(r => t["Route_" + r].Value).ToList();
        return names.Count <= 1 ? string.Concat(names) : string.Join(", ", names[..^1]) + t["List_LastSeparator"].Value + names[^1];
    }
}
