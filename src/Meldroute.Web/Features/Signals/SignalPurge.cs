using Meldroute.Web.Features.CaseTable;

namespace Meldroute.Web.Features.Signals;

/// <summary>
/// The deletion rule of plan section 11: "Nadat de signalen vanuit het meldpunt zijn doorgezet worden deze direct
/// definitief verwijderd." Clears every piece of personal content of a signal — people, free text, address,
/// analysis, assessments, balancing reasoning, route reasons, attachments — and leaves only the anonymous remains the
/// figures need. No I/O: the caller loads the aggregate (with its people and attachments) and saves it in the same
/// transaction as the status change.
/// </summary>
public static class SignalPurge
{
    public const string OnForwardingRule = "plan-11-delete-on-forwarding";

    public static SignalDeletionReceipt Apply(
        Signal signal,
        IReadOnlyCollection<AgendaItem> agendaItems,
        IReadOnlyCollection<BalancingOfInterests> balancing,
        IReadOnlyCollection<DecisionRoute> routes,
        string rule,
        DateTimeOffset at)
    {
        var receipt = new SignalDeletionReceipt { PurgedAt = at, Rule = rule, People = signal.People.Count, Attachments = signal.Attachments.Count };
        signal.People.Clear();
        signal.Attachments.Clear();

        receipt.TextFields = Clear(signal);

        foreach (var item in agendaItems.Where(i => i.Assessment is not null))
        {
            item.Assessment = null;
            receipt.Assessments++;
        }

        foreach (var record in balancing)
        {
            record.WeighedBy = record.Purpose = record.Necessity = record.Proportionality = record.Subsidiarity = record.Outcome = null;
            receipt.BalancingRecords++;
        }

        foreach (var route in routes.Where(r => r.Reason is not null))
        {
            route.Reason = null;
            receipt.RouteReasons++;
        }

        signal.DeletionReceipt = receipt;
        signal.LastChangedAt = at;
        return receipt;
    }

    private static int Clear(Signal signal)
    {
        var cleared = 0;
        string? Take(string? value)
        {
            if (value is not null)
            {
                cleared++;
            }

            return null;
        }

        signal.Description = Take(signal.Description);
        signal.LocationDetail = Take(signal.LocationDetail);
        signal.LocationOther = Take(signal.LocationOther);
        signal.SourceDetail = Take(signal.SourceDetail);
        signal.AnalysisNotes = Take(signal.AnalysisNotes);
        signal.DecisionReason = Take(signal.DecisionReason);
        if (signal.ObservedOn is not null)
        {
            signal.ObservedOn = null;
            cleared++;
        }

        return cleared;
    }

    /// <summary>True when nothing personal is left: the check the tests and the privacy officer rely on.</summary>
    public static bool HoldsNoPersonalContent(Signal signal) =>
        signal.People.Count == 0 && signal.Attachments.Count == 0 && signal.Description is null && signal.LocationDetail is null && signal.LocationOther is null
        && signal.SourceDetail is null && signal.AnalysisNotes is null && signal.DecisionReason is null && signal.ObservedOn is null;
}
