using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Handling;

/// <summary>The officer's inbox filters. All on non-personal columns.</summary>
public sealed class SignalFilter
{
    public SignalStatus? Status { get; set; }

    public ExploitationForms? Form { get; set; }

    public SignalSource? Source { get; set; }

    /// <summary>Only signals received at least this many days ago.</summary>
    public int? OlderThanDays { get; set; }

    /// <summary>Open signals only (the default view of the inbox).</summary>
    public bool OpenOnly { get; set; } = true;

    public int Page { get; set; } = 1;
}

public sealed record InboxRow(Guid Id, string Reference, SignalStatus Status, DateTimeOffset ReceivedAt, ExploitationForms Forms, SignalSource Source, Urgency Urgency, bool AcuteDanger, LocationType LocationType)
{
    /// <summary>Flagged to the officers: in intake, or decided and not forwarded, for longer than the retention settings allow.</summary>
    public bool Stuck => StuckReason is not null;

    /// <summary>Why it is flagged; null when it is not.</summary>
    public Retention.StuckReason? StuckReason { get; init; }
}

public sealed record InboxPage(IReadOnlyList<InboxRow> Rows, int Total, int Page, int PageSize);

/// <summary>ListSignals: the officer's inbox, oldest first, filtered and paged on the server.</summary>
public static class ListSignals
{
    public const int PageSize = 25;

    public static async Task<InboxPage> HandleAsync(MeldrouteDbContext db, SignalFilter filter, DateTimeOffset now, Retention.RetentionOptions retention, CancellationToken cancellationToken)
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

        if (filter.OlderThanDays is { } days && days > 0)
        {
            var before = now.AddDays(-days);
            query = query.Where(s => s.ReceivedAt <= before);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = Math.Max(1, filter.Page);
        var rows = await query.OrderBy(s => s.ReceivedAt).ThenBy(s => s.Reference)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(s => new { Row = new InboxRow(s.Id, s.Reference, s.Status, s.ReceivedAt, s.Forms | s.ClassifiedForms, s.Source, s.Urgency, s.AcuteDanger, s.LocationType), s.DecidedAt })
            .ToListAsync(cancellationToken);
        return new InboxPage([.. rows.Select(r => r.Row with { StuckReason = Retention.RetentionRules.Stuck(r.Row.Status, r.Row.ReceivedAt, r.DecidedAt, now, retention) })], total, page, PageSize);
    }
}
