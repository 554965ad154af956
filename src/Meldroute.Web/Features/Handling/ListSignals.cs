using System.Globalization;
using System.Linq.Expressions;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Handling;

/// <summary>How the inbox is ordered: most urgent first (acute, high, then oldest), by receipt, or by the next step's due date.</summary>
public enum InboxSort
{
    Urgency,
    Oldest,
    Newest,
    Due,
}

/// <summary>The officer's inbox filters. All on non-personal columns, except <see cref="Query"/>, which is matched in memory.</summary>
public sealed class SignalFilter
{
    public SignalStatus? Status { get; set; }

    public ExploitationForms? Form { get; set; }

    public SignalSource? Source { get; set; }

    public Urgency? Urgency { get; set; }

    /// <summary>Only signals received at least this many days ago.</summary>
    public int? OlderThanDays { get; set; }

    /// <summary>Open signals only (the default view of the inbox).</summary>
    public bool OpenOnly { get; set; } = true;

    /// <summary>Only signals whose next step is past its lead-time norm.</summary>
    public bool LateOnly { get; set; }

    /// <summary>Only the signals this officer took (an account id), or null for everyone's.</summary>
    public string? AssignedTo { get; set; }

    /// <summary>A reference (or part of one), or words that must all occur in the description of an open signal.</summary>
    public string? Query { get; set; }

    public InboxSort Sort { get; set; } = InboxSort.Urgency;

    /// <summary>Where the page starts (<see cref="PageCursor"/>): the <c>next</c> or <c>previous</c> of a page before; null for the first page.</summary>
    public string? Cursor { get; set; }

    /// <summary>Rows per page, at most <see cref="ListSignals.LimitMax"/>.</summary>
    public int Limit { get; set; } = ListSignals.PageSize;

    /// <summary>Count every signal that passes the filters (<see cref="InboxPage.Total"/>); costs a count of the backlog, so only when asked.</summary>
    public bool Count { get; set; }
}

public sealed record InboxRow(Guid Id, string Reference, SignalStatus Status, DateTimeOffset ReceivedAt, IReadOnlyList<ExploitationForms> Forms, SignalSource Source, Urgency Urgency, bool AcuteDanger, LocationType LocationType)
{
    /// <summary>Flagged to the officers: in intake, or decided and not forwarded, for longer than the retention settings allow.</summary>
    public bool Stuck => StuckReason is not null;

    /// <summary>Why it is flagged; null when it is not.</summary>
    public Retention.StuckReason? StuckReason { get; init; }

    /// <summary>Acute when the reporter saw acute danger or the officer judged it acute; otherwise the officer's urgency.</summary>
    public Urgency Priority => AcuteDanger ? Urgency.Acute : Urgency;

    /// <summary>The next step's due date against the lead-time norms; null for a signal that waits for no step.</summary>
    public SignalDue? Due { get; init; }

    /// <summary>The officer who took it (behandelaar), or null.</summary>
    public string? AssignedOfficerId { get; init; }

    /// <summary>That officer's name.</summary>
    public string? AssignedOfficerName { get; init; }

    /// <summary>The version to take it with (<see cref="TakeSignal"/>).</summary>
    public Guid Version { get; init; }
}

/// <summary>
/// One page of the inbox. <see cref="Next"/> and <see cref="Previous"/> are the cursors of the neighbouring pages (null at
/// either end). <see cref="Total"/> is counted only when asked (<c>count=true</c>, never with a search); <see cref="Page"/>
/// is 1 on the first page and null on a page reached by a cursor.
/// </summary>
public sealed record InboxPage(IReadOnlyList<InboxRow> Rows, int? Total, int? Page, int PageSize)
{
    public string? Next { get; init; }

    public string? Previous { get; init; }

    /// <summary>
    /// A search read its most signals for one request (<see cref="ListSignals.SearchScanMax"/>) before the page was full:
    /// <see cref="Next"/> continues the search after the last signal it read.
    /// </summary>
    public bool SearchLimitReached { get; init; }

    /// <summary>The whole list is on this page: its rows are all there are.</summary>
    public bool IsComplete => Page == 1 && Next is null;
}


/// <summary>
/// ListSignals: the officer's inbox, most urgent first (acute, high, then oldest), filtered, sorted and paged on the
/// server with keyset pagination, so that a page costs the same with 200 open signals as with 100,000:
/// <list type="bullet">
/// <item>by urgency, one query reads the page from the index on (<see cref="Signal.InboxRank"/>, received, reference);</item>
/// <item>oldest first, newest first and by due date read each status from the index on (status, received, reference)
/// and merge them: a status's due dates follow its receipts, so every status is read in its own order and only a
/// page's worth of each; ties are broken by status, then reference;</item>
/// <item>no count, unless asked (<see cref="SignalFilter.Count"/>).</item>
/// </list>
/// A search by words decrypts descriptions and matches them in memory (no index of plain text exists anywhere): it reads
/// the filtered signals in the page's order from the cursor, at most <see cref="SearchScanMax"/> per request, and a page
/// that is not full by then says so and continues from where it stopped. A whole reference is looked up directly. The
/// search itself is audited, without its words.
/// </summary>
public static class ListSignals
{
    public const int PageSize = 25;

    public const int LimitMax = 100;

    public const int QueryMax = 200;

    /// <summary>The most signals a search reads (and decrypts) for one request.</summary>
    public const int SearchScanMax = 1_000;

    /// <summary>How many a search reads at a time.</summary>
    private const int SearchBatch = 250;

    /// <summary>The due "day" of a signal that waits for no step: after every date.</summary>
    private const int NoDue = int.MaxValue;

    private static readonly SignalStatus[] OpenStatuses = [.. Enum.GetValues<SignalStatus>().Where(SignalStateMachine.IsOpen)];

    public static async Task<Outcome<InboxPage>> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, IStringLocalizer t, SignalFilter filter, DateTimeOffset now, Retention.RetentionOptions retention, FiguresOptions norms, CancellationToken cancellationToken)
    {
        var order = new Order(filter.Sort, norms);
        if (!PageCursor.TryDecode(filter.Cursor, order.Kind, order.KeyLength, out var cursor) || (cursor is not null && !order.Valid(cursor)))
        {
            return Outcome<InboxPage>.Invalid(PageCursor.Error(t));
        }

        var limit = Math.Clamp(filter.Limit, 1, LimitMax);
        var filtered = Filtered(db, filter, now, norms);
        Func<PageCursor?, int, Task<List<Listed>>> read = filter.Sort == InboxSort.Urgency
            ? (at, count) => ReadByRankAsync(filtered.Where(Open(filter)), at, count, cancellationToken)
            : (at, count) => ReadMergedAsync(filtered, Statuses(filter), order, at, count, cancellationToken);

        KeysetPage<Listed> page;
        var searchLimitReached = false;
        var words = Words(filter.Query);
        if (words is not null)
        {
            (page, searchLimitReached) = await SearchAsync(filtered.Where(Open(filter)), read, order, words, cursor, limit, audit, cancellationToken);
        }
        else
        {
            page = await KeysetPage<Listed>.ReadAsync(cursor, limit, read, order.Position);
        }

        var total = filter.Count && words is null ? await CountAsync(db, filter, now, norms, cancellationToken) : (int?)null;
        var officers = page.Rows.Select(r => r.AssignedOfficerId).OfType<string>().Distinct().ToList();
        var names = officers.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => officers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return Outcome<InboxPage>.Ok(new InboxPage(
            [.. page.Rows.Select(r => r.Row with
            {
                StuckReason = Retention.RetentionRules.Stuck(r.Row.Status, r.Row.ReceivedAt, r.DecidedAt, now, retention),
                Due = SignalDue.For(r.Row.Status, r.Row.ReceivedAt, now, norms),
                AssignedOfficerId = r.AssignedOfficerId,
                AssignedOfficerName = r.AssignedOfficerId is { } officer ? names.GetValueOrDefault(officer) : null,
                Version = r.Version,
            })],
            total,
            page.IsFirst ? 1 : null,
            limit)
        {
            Next = page.Next,
            Previous = page.Previous,
            SearchLimitReached = searchLimitReached,
        });
    }

    /// <summary>
    /// How many signals pass the filters (its search words aside, which only the inbox itself matches): the counts the
    /// dashboards link to the inbox with, so that a number and the list it opens agree.
    /// </summary>
    public static Task<int> CountAsync(MeldrouteDbContext db, SignalFilter filter, DateTimeOffset now, FiguresOptions norms, CancellationToken cancellationToken) =>
        Filtered(db, filter, now, norms).Where(Open(filter)).CountAsync(cancellationToken);

    /// <summary>The words of a search, or null when there is none. Longer input is cut at <see cref="QueryMax"/> characters.</summary>
    public static string[]? Words(string? query)
    {
        var text = query?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text[..Math.Min(text.Length, QueryMax)].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The filters on plain columns, except which statuses (<see cref="Open"/>, <see cref="Statuses"/>): each read adds those its own way.</summary>
    private static IQueryable<Signal> Filtered(MeldrouteDbContext db, SignalFilter filter, DateTimeOffset now, FiguresOptions norms)
    {
        var query = db.Signals.AsNoTracking();
        if (filter.Form is { } form && form != ExploitationForms.None)
        {
            query = query.Where(s => (s.Forms & form) != 0 || (s.ClassifiedForms & form) != 0);
        }

        if (filter.Source is { } source)
        {
            query = query.Where(s => s.Source == source);
        }

        if (filter.Urgency is { } urgency)
        {
            query = urgency == Urgency.Acute
                ? query.Where(s => s.AcuteDanger || s.Urgency == Urgency.Acute)
                : query.Where(s => !s.AcuteDanger && s.Urgency == urgency);
        }

        if (filter.OlderThanDays is { } days && days > 0)
        {
            var before = now.AddDays(-days);
            query = query.Where(s => s.ReceivedAt <= before);
        }

        if (filter.AssignedTo is { } officer)
        {
            query = query.Where(s => s.AssignedOfficerId == officer);
        }

        if (filter.LateOnly)
        {
            // Late is "more working days since receipt than the next step's norm": per step a cut-off on the receipt.
            var analysis = WorkingDays.LateIfBefore(now, norms.NormFor(LeadStep.ToFirstAnalysis));
            var caseTable = WorkingDays.LateIfBefore(now, norms.NormFor(LeadStep.ToCaseTable));
            var forwarding = WorkingDays.LateIfBefore(now, norms.NormFor(LeadStep.ToForwarded));
            query = query.Where(s => (s.Status == SignalStatus.Received && s.ReceivedAt < analysis)
                || (s.Status == SignalStatus.InAnalysis && s.ReceivedAt < caseTable)
                || ((s.Status == SignalStatus.OnAgenda || s.Status == SignalStatus.Decided) && s.ReceivedAt < forwarding));
        }

        return query;
    }

    /// <summary>The status filter for one query: the chosen status, or the open signals as a range of the rank (the inbox's index), or all.</summary>
    private static Expression<Func<Signal, bool>> Open(SignalFilter filter)
    {
        if (filter.Status is { } status)
        {
            return s => s.Status == status;
        }

        return filter.OpenOnly ? s => s.InboxRank < Signal.ClosedRank : s => true;
    }

    /// <summary>The statuses a merged read reads one by one.</summary>
    private static SignalStatus[] Statuses(SignalFilter filter) =>
        filter.Status is { } status ? [status] : filter.OpenOnly ? OpenStatuses : Enum.GetValues<SignalStatus>();

    private sealed record Listed(InboxRow Row, int Rank, DateTimeOffset? DecidedAt, string? AssignedOfficerId, Guid Version);

    private static IQueryable<Listed> Project(IQueryable<Signal> query) =>
        query.Select(s => new Listed(new InboxRow(s.Id, s.Reference, s.Status, s.ReceivedAt, ExploitationFormSet.Split(s.Forms | s.ClassifiedForms), s.Source, s.Urgency, s.AcuteDanger, s.LocationType), s.InboxRank, s.DecidedAt, s.AssignedOfficerId, s.Version));

    /// <summary>
    /// The query of a first page as the database gets it (for the tests that read its plan): by urgency the open
    /// signals' one range of the rank index; otherwise the read of one status (<paramref name="stream"/>) by receipt.
    /// </summary>
    internal static IQueryable<Signal> FirstPageQuery(MeldrouteDbContext db, SignalFilter filter, DateTimeOffset now, FiguresOptions norms, SignalStatus stream = SignalStatus.Received) =>
        filter.Sort == InboxSort.Urgency
            ? ByRank(Filtered(db, filter, now, norms).Where(Open(filter)), null, filter.Limit + 1)
            : ByReceipt(Filtered(db, filter, now, norms).Where(s => s.Status == stream), filter.Sort == InboxSort.Newest).Take(filter.Limit + 1);

    private static Task<List<Listed>> ReadByRankAsync(IQueryable<Signal> query, PageCursor? cursor, int count, CancellationToken cancellationToken) =>
        Project(ByRank(query, cursor, count)).ToListAsync(cancellationToken);

    /// <summary>By urgency: one range of the index on (rank, received, reference), from the cursor on, in either direction.</summary>
    private static IQueryable<Signal> ByRank(IQueryable<Signal> query, PageCursor? cursor, int count)
    {
        var backward = cursor?.Backward == true;
        if (cursor is not null)
        {
            cursor.TryInt(0, out var rank);
            cursor.TryInstant(1, out var at);
            var reference = cursor.Key[2];
            // The leading range on the rank lets the database seek in the index; the rest places the cursor within it.
            query = backward
                ? query.Where(s => s.InboxRank <= rank && (s.InboxRank < rank || s.ReceivedAt < at || (s.ReceivedAt == at && string.Compare(s.Reference, reference) < 0)))
                : query.Where(s => s.InboxRank >= rank && (s.InboxRank > rank || s.ReceivedAt > at || (s.ReceivedAt == at && string.Compare(s.Reference, reference) > 0)));
        }

        var ordered = backward
            ? query.OrderByDescending(s => s.InboxRank).ThenByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Reference)
            : query.OrderBy(s => s.InboxRank).ThenBy(s => s.ReceivedAt).ThenBy(s => s.Reference);
        return ordered.Take(count);
    }

    /// <summary>One status's rows by receipt, then reference: the order of the index on (status, received, reference).</summary>
    private static IOrderedQueryable<Signal> ByReceipt(IQueryable<Signal> stream, bool descending) => descending
        ? stream.OrderByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Reference)
        : stream.OrderBy(s => s.ReceivedAt).ThenBy(s => s.Reference);

    /// <summary>
    /// Oldest, newest or by due date: every status read from the index on (status, received, reference), from the
    /// cursor on and at most <paramref name="count"/> rows, merged by (due day, received, status). Within one status
    /// the due day follows the receipt, so the cursor is a bound on the receipt per status (<see cref="Order.Bound"/>).
    /// </summary>
    private static async Task<List<Listed>> ReadMergedAsync(IQueryable<Signal> query, SignalStatus[] statuses, Order order, PageCursor? cursor, int count, CancellationToken cancellationToken)
    {
        // Newest first is oldest first read the other way.
        var descending = (order.Sort == InboxSort.Newest) != (cursor?.Backward == true);
        var read = new List<Listed>();
        foreach (var status in statuses)
        {
            var stream = query.Where(s => s.Status == status);
            if (cursor is not null)
            {
                if (order.Bound(status, cursor, descending) is not { } bound)
                {
                    continue;
                }

                stream = stream.Where(bound);
            }

            read.AddRange(await Project(ByReceipt(stream, descending).Take(count)).ToListAsync(cancellationToken));
        }

        // A stable sort: rows equal in (due day, received, status) come from one status and keep its order by reference.
        var merged = descending
            ? read.OrderByDescending(order.Primary).ThenByDescending(r => r.Row.ReceivedAt.UtcTicks).ThenByDescending(r => r.Row.Status)
            : read.OrderBy(order.Primary).ThenBy(r => r.Row.ReceivedAt.UtcTicks).ThenBy(r => r.Row.Status);
        return [.. merged.Take(count)];
    }

    /// <summary>
    /// A search: reads the filtered signals in the page's order from the cursor, in batches, and keeps those whose
    /// reference contains the text or, open ones, whose decrypted description has every word (ignoring case and
    /// accents); stops when the page is full, at the end, or after <see cref="SearchScanMax"/> signals. A search pages
    /// forward only: a cursor back starts it again.
    /// </summary>
    private static async Task<(KeysetPage<Listed> Page, bool LimitReached)> SearchAsync(
        IQueryable<Signal> filtered, Func<PageCursor?, int, Task<List<Listed>>> read, Order order, string[] words, PageCursor? cursor, int limit, AuditTrail audit, CancellationToken cancellationToken)
    {
        var text = string.Join(' ', words).ToUpperInvariant();
        // A whole reference is that signal: found through the unique index, however far back it is.
        if (words.Length == 1 && cursor is null && await Project(filtered.Where(s => s.Reference == text)).SingleOrDefaultAsync(cancellationToken) is { } exact)
        {
            await audit.RecordAsync(new AuditEntry("signal.searched", AuditOutcome.Success, "signal", "read=0, matched=1", "handling"), cancellationToken);
            return (KeysetPage<Listed>.From([exact], limit, null, order.Position), false);
        }

        if (cursor is { Backward: true })
        {
            cursor = null;
        }

        var compare = CultureInfo.InvariantCulture.CompareInfo;
        var found = new List<Listed>();
        var at = cursor;
        var scanned = 0;
        var decrypted = 0;
        var end = false;
        Listed? last = null;
        while (found.Count <= limit && scanned < SearchScanMax)
        {
            var want = Math.Min(SearchBatch, SearchScanMax - scanned);
            var batch = await read(at, want);
            scanned += batch.Count;
            var open = batch.Where(r => SignalStateMachine.IsOpen(r.Row.Status)).Select(r => r.Row.Id).ToList();
            var descriptions = open.Count == 0
                ? []
                : await filtered.Where(s => open.Contains(s.Id) && s.Description != null).Select(s => new { s.Id, s.Description }).ToDictionaryAsync(s => s.Id, s => s.Description!, cancellationToken);
            decrypted += descriptions.Count;
            foreach (var row in batch)
            {
                last = row;
                if (row.Row.Reference.Contains(text, StringComparison.Ordinal)
                    || (descriptions.GetValueOrDefault(row.Row.Id) is { } description && words.All(w => compare.IndexOf(description, w, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0)))
                {
                    found.Add(row);
                    if (found.Count > limit)
                    {
                        break;
                    }
                }
            }

            if (batch.Count < want)
            {
                end = true;
                break;
            }

            at = order.Position(batch[^1], false);
        }

        // Reading the descriptions is a read of personal data: recorded with how many were read and matched, never the words.
        await audit.RecordAsync(new AuditEntry("signal.searched", AuditOutcome.Success, "signal", $"read={decrypted}, matched={Math.Min(found.Count, limit)}", "handling"), cancellationToken);
        var page = KeysetPage<Listed>.From(found, limit, cursor, order.Position) with { Previous = null };
        if (found.Count <= limit && !end && last is not null)
        {
            // Stopped at the most it reads before the page was full: the next page goes on after the last signal read.
            return (page with { Next = order.Position(last, false).Encode() }, true);
        }

        return (page, false);
    }

    /// <summary>A sort order's cursor: its kind, its key, and the bounds of a merged read.</summary>
    private sealed class Order(InboxSort sort, FiguresOptions norms)
    {
        private static readonly int MinDay = new DateOnly(1900, 1, 1).DayNumber;
        private static readonly int MaxDay = new DateOnly(2999, 12, 31).DayNumber;

        public InboxSort Sort => sort;

        public string Kind => "signals." + sort.ToString().ToLowerInvariant();

        /// <summary>By urgency (rank, received, reference); the others (due day, received, status, reference).</summary>
        public int KeyLength => sort == InboxSort.Urgency ? 3 : 4;

        public bool Valid(PageCursor cursor) => sort == InboxSort.Urgency
            ? cursor.TryInt(0, out var rank) && rank is >= 0 and <= Signal.ClosedRank && cursor.TryInstant(1, out _) && cursor.TryReference(2, out _)
            : cursor.TryInt(0, out var day) && (sort == InboxSort.Due ? day == NoDue || (day >= MinDay && day <= MaxDay) : day == 0)
                && cursor.TryInstant(1, out _) && cursor.TryInt(2, out var status) && Enum.IsDefined((SignalStatus)status) && cursor.TryReference(3, out _);

        /// <summary>The first part of a row's key in a merged read: its next step's due day, or 0 when the order is by receipt only.</summary>
        public int Primary(Listed row) => sort != InboxSort.Due ? 0
            : SignalDue.NextStep(row.Row.Status) is { } step ? WorkingDays.LastDayWithin(row.Row.ReceivedAt, norms.NormFor(step)).DayNumber : NoDue;

        public PageCursor Position(Listed row, bool before)
        {
            string[] key = sort == InboxSort.Urgency
                ? [PageCursor.Of(row.Rank), PageCursor.Of(row.Row.ReceivedAt), row.Row.Reference]
                : [PageCursor.Of(Primary(row)), PageCursor.Of(row.Row.ReceivedAt), PageCursor.Of((int)row.Row.Status), row.Row.Reference];
            return new PageCursor(Kind, before, key);
        }

        /// <summary>
        /// The rows of one status beyond the cursor (due day <c>P</c>, received <c>T</c>, status <c>S</c>, reference
        /// <c>R</c>), as a condition on the receipt: in this status the due day reaches <c>P</c> at receipt <c>A</c> and
        /// passes it at <c>B</c>, so "after the cursor" is "received from some instant on" (the instant included when
        /// this status sorts after <c>S</c>, excluded before it), plus, in the cursor's own status, the rows received at
        /// <c>T</c> with a later reference. Null when no row of this status lies beyond the cursor.
        /// </summary>
        public Expression<Func<Signal, bool>>? Bound(SignalStatus status, PageCursor cursor, bool descending)
        {
            cursor.TryInt(0, out var p);
            cursor.TryInstant(1, out var at);
            cursor.TryInt(2, out var cursorStatus);
            var reference = cursor.Key[3];
            var t = at.UtcTicks;
            var (a, b) = Window(status, p);
            var same = (int)status == cursorStatus;
            if (!descending)
            {
                // Rows after the cursor: (due, received) > (P, T), or >= when this status sorts after the cursor's.
                var edge = Min(new Lower(b, false), Max(new Lower(a, false), new Lower(t, (int)status <= cursorStatus)));
                if (edge.Ticks == long.MaxValue)
                {
                    return null;
                }

                if (edge.Ticks == long.MinValue)
                {
                    return _ => true;
                }

                var from = new DateTimeOffset(edge.Ticks, TimeSpan.Zero);
                if (same && edge == new Lower(t, true))
                {
                    return s => s.ReceivedAt >= from && (s.ReceivedAt > from || string.Compare(s.Reference, reference) > 0);
                }

                return edge.Strict ? s => s.ReceivedAt > from : s => s.ReceivedAt >= from;
            }

            // Rows before the cursor, read backwards: (due, received) < (P, T), or <= when this status sorts before the cursor's.
            var upper = MaxUpper(new Upper(a, true), MinUpper(new Upper(b, true), new Upper(t, (int)status >= cursorStatus)));
            if (upper.Ticks == long.MinValue)
            {
                return null;
            }

            if (upper.Ticks == long.MaxValue)
            {
                return _ => true;
            }

            var until = new DateTimeOffset(upper.Ticks, TimeSpan.Zero);
            if (same && upper == new Upper(t, true))
            {
                return s => s.ReceivedAt <= until && (s.ReceivedAt < until || string.Compare(s.Reference, reference) < 0);
            }

            return upper.Strict ? s => s.ReceivedAt < until : s => s.ReceivedAt <= until;
        }

        /// <summary>
        /// In <paramref name="status"/>, the first receipt whose due day is at least <paramref name="p"/> and the first
        /// whose due day is past it, in UTC ticks (long.MinValue: every row; long.MaxValue: none).
        /// </summary>
        private (long A, long B) Window(SignalStatus status, int p)
        {
            if (sort != InboxSort.Due)
            {
                return (long.MinValue, long.MaxValue);
            }

            if (SignalDue.NextStep(status) is not { } step)
            {
                // No due date: after every dated row; equal to the cursor's when it has none either.
                return p == NoDue ? (long.MinValue, long.MaxValue) : (long.MinValue, long.MinValue);
            }

            if (p == NoDue)
            {
                return (long.MaxValue, long.MaxValue);
            }

            var norm = norms.NormFor(step);
            return (FirstReceiptDue(p, norm), FirstReceiptDue(p + 1, norm));
        }

        /// <summary>The first UTC day from whose receipts a step of <paramref name="norm"/> working days is due on <paramref name="day"/> or later.</summary>
        private static long FirstReceiptDue(int day, int norm)
        {
            var target = DateOnly.FromDayNumber(day);
            var from = target.AddDays(-((2 * Math.Max(0, norm)) + 10));
            while (WorkingDays.LastDayWithin(Day(from), norm) < target)
            {
                from = from.AddDays(1);
            }

            return Day(from).UtcTicks;
        }

        private static DateTimeOffset Day(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        /// <summary>A lower bound on the receipt: from <see cref="Ticks"/> on, itself excluded when <see cref="Strict"/>.</summary>
        private readonly record struct Lower(long Ticks, bool Strict);

        /// <summary>An upper bound on the receipt: up to <see cref="Ticks"/>, itself excluded when <see cref="Strict"/>.</summary>
        private readonly record struct Upper(long Ticks, bool Strict);

        private static int Place(Lower l) => l.Strict ? 1 : 0;

        private static Lower Min(Lower x, Lower y) => x.Ticks < y.Ticks || (x.Ticks == y.Ticks && Place(x) <= Place(y)) ? x : y;

        private static Lower Max(Lower x, Lower y) => Min(x, y) == x ? y : x;

        private static int Place(Upper u) => u.Strict ? 0 : 1;

        private static Upper MinUpper(Upper x, Upper y) => x.Ticks < y.Ticks || (x.Ticks == y.Ticks && Place(x) <= Place(y)) ? x : y;

        private static Upper MaxUpper(Upper x, Upper y) => MinUpper(x, y) == x ? y : x;
    }
}
