using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Signals;

/// <summary>
/// The deletion rule of plan section 11: "Nadat de signalen vanuit het meldpunt zijn doorgezet worden deze direct
/// definitief verwijderd." Clears every piece of personal content of a signal — people, free text, address,
/// analysis, assessments and the members' contributions to them, balancing reasoning, route reasons and hand-over
/// summaries, attachments — and leaves only the anonymous remains the
/// figures need. <see cref="Apply"/> has no I/O; <see cref="LoadAndApplyAsync"/> loads what it clears in the caller's
/// context, for the caller to save in the same transaction as the status change.
/// </summary>
public static class SignalPurge
{
    public const string OnForwardingRule = "plan-11-delete-on-forwarding";

    /// <summary>
    /// Loads every part of the signal that holds personal content (people, attachments, agenda assessments, balancing,
    /// routes, idempotency records, case-table contributions) into <paramref name="db"/>, clears it, removes the
    /// idempotency records and the contributions (counted with the assessments: each is a member's part of the
    /// table's weighing) and destroys the signal's data key, so that every older copy of its values (write-ahead log,
    /// backups) is unreadable too; the caller saves, in one transaction. Used by forwarding and by the retention rules alike.
    /// </summary>
    public static async Task<SignalDeletionReceipt> LoadAndApplyAsync(MeldrouteDbContext db, Signal signal, string rule, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var entry = db.Entry(signal);
        await entry.Collection(s => s.People).LoadAsync(cancellationToken);
        await entry.Collection(s => s.Attachments).LoadAsync(cancellationToken);
        var agenda = await db.AgendaItems.Where(a => a.SignalId == signal.Id).ToListAsync(cancellationToken);
        var balancing = await db.BalancingOfInterests.Where(b => b.SignalId == signal.Id).ToListAsync(cancellationToken);
        var routes = await db.DecisionRoutes.Where(r => r.SignalId == signal.Id).ToListAsync(cancellationToken);
        var receipt = Apply(signal, agenda, balancing, routes, rule, at);
        var contributions = await db.MeetingContributions.Where(c => c.SignalId == signal.Id).ToListAsync(cancellationToken);
        db.MeetingContributions.RemoveRange(contributions);
        receipt.Assessments += contributions.Count;
        db.IdempotencyRecords.RemoveRange(await db.IdempotencyRecords.Where(k => k.SignalId == signal.Id).ToListAsync(cancellationToken));
        await Infrastructure.Privacy.DataKeyShredding.DestroyAsync(db, signal.DataKeyId, at, cancellationToken);
        return receipt;
    }

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
            record.WeighedBy = record.Purpose = record.Necessity = record.Proportionality = record.Subsidiarity = record.Outcome = record.WideningReason = null;
            receipt.BalancingRecords++;
        }

        // A route's reason and its hand-over summary are both the officer's words about the people: counted as the route's reasons.
        foreach (var route in routes.Where(r => r.Reason is not null || r.HandoverSummary is not null))
        {
            route.Reason = null;
            route.HandoverSummary = null;
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
        signal.NoYouthCareReason = Take(signal.NoYouthCareReason);
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
        && signal.SourceDetail is null && signal.AnalysisNotes is null && signal.DecisionReason is null && signal.NoYouthCareReason is null && signal.ObservedOn is null;
}
