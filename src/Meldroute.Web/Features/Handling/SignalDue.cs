using Meldroute.Web.Features.Figures;
using Meldroute.Web.Features.Signals;

namespace Meldroute.Web.Features.Handling;

/// <summary>The next step an open signal waits for, the last day that step is within its norm, and whether it is late.</summary>
/// <param name="Step">The step the norm counts to: first analysis, case table or forwarding.</param>
/// <param name="NormWorkingDays">The norm in working days from receipt (<see cref="FiguresOptions"/>).</param>
/// <param name="DueOn">The last day within the norm (UTC date).</param>
/// <param name="Late">More working days have passed since receipt than the norm allows.</param>
public sealed record SignalDue(LeadStep Step, int NormWorkingDays, DateOnly DueOn, bool Late)
{
    /// <summary>The step a signal in <paramref name="status"/> waits for, or null when it waits for none (forwarded, closed).</summary>
    public static LeadStep? NextStep(SignalStatus status) => status switch
    {
        SignalStatus.Received => LeadStep.ToFirstAnalysis,
        SignalStatus.InAnalysis => LeadStep.ToCaseTable,
        SignalStatus.OnAgenda or SignalStatus.Decided => LeadStep.ToForwarded,
        _ => null,
    };

    /// <summary>The due date of a signal's next step against the lead-time norms, or null when it has none.</summary>
    public static SignalDue? For(SignalStatus status, DateTimeOffset receivedAt, DateTimeOffset now, FiguresOptions norms)
    {
        if (NextStep(status) is not { } step)
        {
            return null;
        }

        var norm = norms.NormFor(step);
        return new SignalDue(step, norm, WorkingDays.LastDayWithin(receivedAt, norm), WorkingDays.Between(receivedAt, now) > norm);
    }
}
