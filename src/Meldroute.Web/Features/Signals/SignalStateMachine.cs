namespace Meldroute.Web.Features.Signals;

/// <summary>A change of status the state machine allows, with why it needs a reason.</summary>
public enum TransitionKind
{
    Normal,

    /// <summary>InAnalysis → Decided by one officer: acute cases cannot wait for the case table. Needs a reason.</summary>
    Urgent,

    /// <summary>To ClosedWithoutAction. Needs a reason.</summary>
    WithoutAction,
}

/// <summary>
/// The state machine of a signal, enforced on the server for every change:
/// Received → InAnalysis → OnAgenda → Decided → Forwarded → Closed; ClosedWithoutAction (with a reason) from
/// InAnalysis or Decided; the urgent path InAnalysis → Decided (with a reason).
/// </summary>
public static class SignalStateMachine
{
    private static readonly Dictionary<(SignalStatus From, SignalStatus To), TransitionKind> Allowed = new()
    {
        [(SignalStatus.Received, SignalStatus.InAnalysis)] = TransitionKind.Normal,
        [(SignalStatus.InAnalysis, SignalStatus.OnAgenda)] = TransitionKind.Normal,
        [(SignalStatus.OnAgenda, SignalStatus.Decided)] = TransitionKind.Normal,
        [(SignalStatus.Decided, SignalStatus.Forwarded)] = TransitionKind.Normal,
        [(SignalStatus.Forwarded, SignalStatus.Closed)] = TransitionKind.Normal,
        [(SignalStatus.InAnalysis, SignalStatus.Decided)] = TransitionKind.Urgent,
        [(SignalStatus.InAnalysis, SignalStatus.ClosedWithoutAction)] = TransitionKind.WithoutAction,
        [(SignalStatus.Decided, SignalStatus.ClosedWithoutAction)] = TransitionKind.WithoutAction,
    };

    public static IEnumerable<(SignalStatus From, SignalStatus To, TransitionKind Kind)> Transitions =>
        Allowed.Select(a => (a.Key.From, a.Key.To, a.Value));

    public static bool CanMove(SignalStatus from, SignalStatus to) => Allowed.ContainsKey((from, to));

    /// <summary>Checks a transition; a reason is required on the urgent path and when closing without action.</summary>
    public static TransitionCheck Check(SignalStatus from, SignalStatus to, string? reason)
    {
        if (!Allowed.TryGetValue((from, to), out var kind))
        {
            return TransitionCheck.Refused(TransitionRefusal.NotAllowed);
        }

        if (kind != TransitionKind.Normal && string.IsNullOrWhiteSpace(reason))
        {
            return TransitionCheck.Refused(TransitionRefusal.ReasonRequired);
        }

        return TransitionCheck.Ok(kind);
    }

    public static ReporterStatus ForReporter(SignalStatus status) => status switch
    {
        SignalStatus.Received => ReporterStatus.Received,
        SignalStatus.InAnalysis or SignalStatus.OnAgenda or SignalStatus.Decided => ReporterStatus.InProgress,
        SignalStatus.Forwarded => ReporterStatus.Forwarded,
        _ => ReporterStatus.Closed,
    };

    public static bool IsOpen(SignalStatus status) => status is not (SignalStatus.Forwarded or SignalStatus.Closed or SignalStatus.ClosedWithoutAction);
}

public enum TransitionRefusal
{
    NotAllowed,
    ReasonRequired,
}

public sealed record TransitionCheck(bool IsAllowed, TransitionKind? Kind, TransitionRefusal? Refusal)
{
    public static TransitionCheck Ok(TransitionKind kind) => new(true, kind, null);

    public static TransitionCheck Refused(TransitionRefusal refusal) => new(false, null, refusal);
}
