using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Intake;

/// <summary>A reporter's own signal as the reporter may see it: general status and date, nothing decided.</summary>
public sealed record MySignal(Guid Id, string Reference, ReporterStatus Status, DateOnly LastChangedOn, FeedbackMessage? Feedback);

/// <summary>
/// ListMySignals and GetMySignal: the reporter's own signals, newest change first, a page at a time from the index on
/// (municipality, reporter, last change, reference) (keyset pagination, <see cref="PageCursor"/>).
/// </summary>
public static class ListMySignals
{
    public const int PageSize = 25;

    /// <summary>The API's page, and its most: more than any reporter's own signals as a rule, so that a client that read the whole list still does.</summary>
    public const int LimitMax = 100;

    private const string Kind = "my-signals";

    public static async Task<Outcome<KeysetPage<MySignal>>> HandleAsync(MeldrouteDbContext db, IStringLocalizer t, string userId, string? cursorText, int limit, CancellationToken cancellationToken)
    {
        if (!PageCursor.TryDecode(cursorText, Kind, 2, out var cursor) || (cursor is not null && !(cursor.TryInstant(0, out _) && cursor.TryReference(1, out _))))
        {
            return Outcome<KeysetPage<MySignal>>.Invalid(PageCursor.Error(t));
        }

        var page = await KeysetPage<Row>.ReadAsync(cursor, Math.Clamp(limit, 1, LimitMax), (at, count) => ReadAsync(db, userId, at, count, cancellationToken),
            (row, before) => new PageCursor(Kind, before, [PageCursor.Of(row.LastChangedAt), row.Reference]));
        return Outcome<KeysetPage<MySignal>>.Ok(page.Select(s =>
            new MySignal(s.Id, s.Reference, SignalStateMachine.ForReporter(s.Status), DateOnly.FromDateTime(s.LastChangedAt.UtcDateTime), s.Feedback)));
    }

    /// <summary>How many signals the user reported (the reporter's start page); one count on the index on (submitter, last change).</summary>
    public static Task<int> CountAsync(MeldrouteDbContext db, string userId, CancellationToken cancellationToken) =>
        db.Signals.AsNoTracking().CountAsync(s => s.SubmittedById == userId, cancellationToken);

    private sealed record Row(Guid Id, string Reference, SignalStatus Status, DateTimeOffset LastChangedAt, FeedbackMessage? Feedback);

    /// <summary>Newest change first from the cursor on; a backward read (toward newer changes) oldest first.</summary>
    private static Task<List<Row>> ReadAsync(MeldrouteDbContext db, string userId, PageCursor? cursor, int count, CancellationToken cancellationToken)
    {
        var query = db.Signals.AsNoTracking().Where(s => s.SubmittedById == userId);
        var backward = cursor?.Backward == true;
        if (cursor is not null)
        {
            cursor.TryInstant(0, out var at);
            var reference = cursor.Key[1];
            query = backward
                ? query.Where(s => s.LastChangedAt >= at && (s.LastChangedAt > at || string.Compare(s.Reference, reference) > 0))
                : query.Where(s => s.LastChangedAt <= at && (s.LastChangedAt < at || string.Compare(s.Reference, reference) < 0));
        }

        query = backward
            ? query.OrderBy(s => s.LastChangedAt).ThenBy(s => s.Reference)
            : query.OrderByDescending(s => s.LastChangedAt).ThenByDescending(s => s.Reference);
        return query.Take(count).Select(s => new Row(s.Id, s.Reference, s.Status, s.LastChangedAt, s.Feedback)).ToListAsync(cancellationToken);
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
