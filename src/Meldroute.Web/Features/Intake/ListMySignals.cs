using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Intake;

/// <summary>A reporter's own signal as the reporter may see it: general status and date, nothing decided.</summary>
public sealed record MySignal(Guid Id, string Reference, ReporterStatus Status, DateOnly LastChangedOn, FeedbackMessage? Feedback);

/// <summary>ListMySignals and GetMySignal: the reporter's own signals, newest change first.</summary>
public static class ListMySignals
{
    public static async Task<IReadOnlyList<MySignal>> HandleAsync(MeldrouteDbContext db, string userId, CancellationToken cancellationToken)
    {
        var rows = await db.Signals.AsNoTracking()
            .Where(s => s.SubmittedById == userId)
            .Select(s => new { s.Id, s.Reference, s.Status, s.LastChangedAt, s.Feedback })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderByDescending(s => s.LastChangedAt)
            .Select(s => new MySignal(s.Id, s.Reference, SignalStateMachine.ForReporter(s.Status), DateOnly.FromDateTime(s.LastChangedAt.UtcDateTime), s.Feedback))];
    }

    /// <summary>One of the caller's own signals; another user's id is answered as not found, and the attempt is audited.</summary>
    public static async Task<MySignal?> GetAsync(MeldrouteDbContext db, AuditTrail audit, string userId, Guid id, CancellationToken cancellationToken)
    {
        var signal = await db.Signals.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.Id, s.Reference, s.Status, s.LastChangedAt, s.Feedback, s.SubmittedById })
            .SingleOrDefaultAsync(cancellationToken);
        if (signal is null || signal.SubmittedById != userId)
        {
            await audit.RecordAsync(new AuditEntry("signal.status.read", AuditOutcome.Denied, "signal", id.ToString(), signal is null ? "not-found" : "not-own-signal"), cancellationToken);
            return null;
        }

        return new MySignal(signal.Id, signal.Reference, SignalStateMachine.ForReporter(signal.Status), DateOnly.FromDateTime(signal.LastChangedAt.UtcDateTime), signal.Feedback);
    }
}
