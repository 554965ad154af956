using System.Globalization;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

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

    public int Page { get; set; } = 1;
}

public sealed record InboxRow(Guid Id, string Reference, SignalStatus Status, DateTimeOffset ReceivedAt, ExploitationForms Forms, SignalSource Source, Urgency Urgency, bool AcuteDanger, LocationType LocationType)
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

public sealed record InboxPage(IReadOnlyList<InboxRow> Rows, int Total, int Page, int PageSize);

/// <summary>
/// ListSignals: the officer's inbox, most urgent first (acute, high, then oldest), filtered, sorted and paged on the
/// server. A search by words decrypts the descriptions of the open signals that pass the other filters and matches
/// them in memory: no index of plain text exists anywhere; the search itself is audited, without its words.
/// </summary>
public static class ListSignals
{
    public const int PageSize = 25;

    public const int QueryMax = 200;

    public static async Task<InboxPage> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, SignalFilter filter, DateTimeOffset now, Retention.RetentionOptions retention, FiguresOptions norms, CancellationToken cancellationToken)
    {
        var query = Filtered(db, filter, now, norms);
        if (Words(filter.Query) is { } search)
        {
            var matching = await MatchingAsync(query, search, audit, cancellationToken);
            query = query.Where(s => matching.Contains(s.Id));
        }

        var total = await query.CountAsync(cancellationToken);
        var page = Math.Max(1, filter.Page);
        var rows = await PageAsync(query, filter.Sort, page, now, norms, cancellationToken);
        var officers = rows.Select(r => r.AssignedOfficerId).OfType<string>().Distinct().ToList();
        var names = officers.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => officers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new InboxPage(
            [.. rows.Select(r => r.Row with
            {
                StuckReason = Retention.RetentionRules.Stuck(r.Row.Status, r.Row.ReceivedAt, r.DecidedAt, now, retention),
                Due = SignalDue.For(r.Row.Status, r.Row.ReceivedAt, now, norms),
                AssignedOfficerId = r.AssignedOfficerId,
                AssignedOfficerName = r.AssignedOfficerId is { } officer ? names.GetValueOrDefault(officer) : null,
                Version = r.Version,
            })],
            total,
            page,
            PageSize);
    }

    /// <summary>
    /// How many signals pass the filters (its search words aside, which only the inbox itself matches): the counts the
    /// dashboards link to the inbox with, so that a number and the list it opens agree.
    /// </summary>
    public static Task<int> CountAsync(MeldrouteDbContext db, SignalFilter filter, DateTimeOffset now, FiguresOptions norms, CancellationToken cancellationToken) =>
        Filtered(db, filter, now, norms).CountAsync(cancellationToken);

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

    private static IQueryable<Signal> Filtered(MeldrouteDbContext db, SignalFilter filter, DateTimeOffset now, FiguresOptions norms)
    {
        var query = db.Signals.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(s => s.Status == status);
        }
        else if (filter.OpenOnly)
        {
            query = query.Where(s => s.Status != SignalStatus.Forwarded && s.Status != SignalStatus.Closed && s.Status != SignalStatus.ClosedWithoutAction);
        }

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

    /// <summary>
    /// The ids that match a search: by reference in the database, by words in the decrypted descriptions of the open
    /// signals in memory (every word must occur, ignoring case and accents).
    /// </summary>
    private static async Task<List<Guid>> MatchingAsync(IQueryable<Signal> query, string[] words, AuditTrail audit, CancellationToken cancellationToken)
    {
        var reference = string.Join(' ', words).ToUpperInvariant();
        var byReference = await query.Where(s => s.Reference.Contains(reference)).Select(s => s.Id).ToListAsync(cancellationToken);
        var open = await query
            .Where(s => s.Status != SignalStatus.Forwarded && s.Status != SignalStatus.Closed && s.Status != SignalStatus.ClosedWithoutAction && s.Description != null)
            .Select(s => new { s.Id, s.Description })
            .ToListAsync(cancellationToken);
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        var byText = open.Where(s => words.All(w => compare.IndexOf(s.Description!, w, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0)).Select(s => s.Id);
        var matching = byReference.Union(byText).ToList();
        // Reading the descriptions is a read of personal data: recorded with how many were read and matched, never the words.
        await audit.RecordAsync(new AuditEntry("signal.searched", AuditOutcome.Success, "signal", $"read={open.Count}, matched={matching.Count}", "handling"), cancellationToken);
        return matching;
    }

    private sealed record Listed(InboxRow Row, DateTimeOffset? DecidedAt, string? AssignedOfficerId, Guid Version);

    private static IQueryable<Listed> Project(IQueryable<Signal> query) =>
        query.Select(s => new Listed(new InboxRow(s.Id, s.Reference, s.Status, s.ReceivedAt, s.Forms | s.ClassifiedForms, s.Source, s.Urgency, s.AcuteDanger, s.LocationType), s.DecidedAt, s.AssignedOfficerId, s.Version));

    /// <summary>One page in the chosen order: in the database, except by due date, which is computed from the norms in memory.</summary>
    private static async Task<List<Listed>> PageAsync(IQueryable<Signal> query, InboxSort sort, int page, DateTimeOffset now, FiguresOptions norms, CancellationToken cancellationToken)
    {
        var skip = (page - 1) * PageSize;
        if (sort == InboxSort.Due)
        {
            var all = await query.Select(s => new { s.Id, s.Status, s.ReceivedAt, s.Reference, Priority = s.AcuteDanger || s.Urgency == Urgency.Acute ? 2 : s.Urgency == Urgency.High ? 1 : 0 }).ToListAsync(cancellationToken);
            var ids = all
                .OrderBy(s => SignalDue.For(s.Status, s.ReceivedAt, now, norms)?.DueOn ?? DateOnly.MaxValue)
                .ThenByDescending(s => s.Priority).ThenBy(s => s.ReceivedAt).ThenBy(s => s.Reference, StringComparer.Ordinal)
                .Skip(skip).Take(PageSize).Select(s => s.Id).ToList();
            var rows = await Project(query.Where(s => ids.Contains(s.Id))).ToListAsync(cancellationToken);
            return [.. rows.OrderBy(r => ids.IndexOf(r.Row.Id))];
        }

        var ordered = sort switch
        {
            InboxSort.Oldest => query.OrderBy(s => s.ReceivedAt).ThenBy(s => s.Reference),
            InboxSort.Newest => query.OrderByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Reference),
            _ => query.OrderByDescending(s => s.AcuteDanger || s.Urgency == Urgency.Acute ? 2 : s.Urgency == Urgency.High ? 1 : 0).ThenBy(s => s.ReceivedAt).ThenBy(s => s.Reference),
        };
        return await Project(ordered.Skip(skip).Take(PageSize)).ToListAsync(cancellationToken);
    }
}
