using System.Globalization;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using nietras.SeparatedValues;

namespace Meldroute.Web.Features.Audit;

/// <summary>The privacy officer's search over the audit log. "Who has seen this signal" is a search on its reference.</summary>
public sealed class AuditQuery
{
    /// <summary>The actor's user id: an id, not an e-mail address, so that the search URL holds no personal data.</summary>
    public string? UserId { get; set; }

    /// <summary>An object id, such as a signal's reference.</summary>
    public string? Object { get; set; }

    /// <summary>The start of an action code, such as "signal.read" or "signin".</summary>
    public string? Action { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    /// <summary>A W3C trace id from the tracing backend: the events of that request.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>Where the page starts (<see cref="Shared.PageCursor"/>): the <c>next</c> or <c>previous</c> of another page.</summary>
    public string? Cursor { get; set; }

    public int Limit { get; set; } = SearchAuditLog.PageSize;

    /// <summary>Count every event that matches (<see cref="AuditPage.Total"/>): a count of the whole log, so only when asked.</summary>
    public bool Count { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(UserId) && string.IsNullOrWhiteSpace(Object) && string.IsNullOrWhiteSpace(Action) && From is null && To is null && string.IsNullOrWhiteSpace(CorrelationId);
}

public sealed record AuditRow(long Sequence, DateTimeOffset OccurredAt, string? Actor, string? ActorRole, string Action, string? ObjectType, string? ObjectId, string Outcome, string? Purpose, string? ClientAddress, string? CorrelationId)
{
    /// <summary>The account's name and address when the object is an account (ObjectType "user"), or null: the id alone tells a reader nothing.</summary>
    public string? ObjectName { get; init; }
}

/// <summary>
/// One page of the search, newest first. <see cref="Next"/> and <see cref="Previous"/> are the cursors of the neighbouring
/// pages; <see cref="Total"/> is counted only when asked; <see cref="Page"/> is 1 on the first page, null further on.
/// </summary>
public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int? Total, int? Page, int PageSize)
{
    public string? Next { get; init; }

    public string? Previous { get; init; }
}

/// <summary>
/// SearchAuditLog and ExportAuditLog. Searching and exporting are themselves audited. The search pages by the sequence
/// number, newest first (keyset pagination): a page reads its rows from the municipality's index on the sequence, or
/// on the actor or the object and then the sequence, whatever the size of the log.
/// </summary>
public static class SearchAuditLog
{
    public const int PageSize = 50;

    public const int LimitMax = 200;

    private const string Kind = "audit";

    public static async Task<Outcome<AuditPage>> HandleAsync(MeldrouteDbContext db, AuditTrail audit, IStringLocalizer t, AuditQuery query, CancellationToken cancellationToken)
    {
        if (!PageCursor.TryDecode(query.Cursor, Kind, 1, out var cursor) || (cursor is not null && !cursor.TryLong(0, out _)))
        {
            return Outcome<AuditPage>.Invalid(PageCursor.Error(t));
        }

        var filtered = Filter(db, query);
        var limit = Math.Clamp(query.Limit, 1, LimitMax);
        var page = await KeysetPage<AuditEvent>.ReadAsync(cursor, limit, (at, count) => ReadAsync(filtered, at, count, cancellationToken),
            (e, before) => new PageCursor(Kind, before, [PageCursor.Of(e.Sequence)]));
        var total = query.Count ? await filtered.CountAsync(cancellationToken) : (int?)null;
        var rows = await ToRowsAsync(db, page.Rows, cancellationToken);
        if (!query.IsEmpty)
        {
            await audit.RecordAsync(new AuditEntry("audit.searched", AuditOutcome.Success, "audit-log", query.Object?.Trim(), "supervision"), cancellationToken);
        }

        return Outcome<AuditPage>.Ok(new AuditPage(rows, total, page.IsFirst ? 1 : null, limit) { Next = page.Next, Previous = page.Previous });
    }

    /// <summary>Newest first from the cursor on; a backward read (toward newer events) oldest first.</summary>
    private static Task<List<AuditEvent>> ReadAsync(IQueryable<AuditEvent> events, PageCursor? cursor, int count, CancellationToken cancellationToken)
    {
        var backward = cursor?.Backward == true;
        if (cursor is not null)
        {
            cursor.TryLong(0, out var sequence);
            events = backward ? events.Where(e => e.Sequence > sequence) : events.Where(e => e.Sequence < sequence);
        }

        return (backward ? events.OrderBy(e => e.Sequence) : events.OrderByDescending(e => e.Sequence)).Take(count).ToListAsync(cancellationToken);
    }

    /// <summary>The events that match the query: also what ExportAuditLog exports.</summary>
    internal static IQueryable<AuditEvent> Filter(MeldrouteDbContext db, AuditQuery query)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.UserId))
        {
            var userId = query.UserId.Trim();
            events = events.Where(e => e.ActorId == userId);
        }

        if (!string.IsNullOrWhiteSpace(query.Object))
        {
            // As typed, or upper-case (references are); one value when that is the same, so that the index on (municipality, object, sequence) serves it in order.
            var objectId = query.Object.Trim();
            var upper = objectId.ToUpperInvariant();
            events = upper == objectId ? events.Where(e => e.ObjectId == objectId) : events.Where(e => e.ObjectId == objectId || e.ObjectId == upper);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            events = events.Where(e => e.Action.StartsWith(action));
        }

        if (!string.IsNullOrWhiteSpace(query.CorrelationId))
        {
            // Trace ids are written in lower-case hex; a copied one may not be.
            var correlationId = query.CorrelationId.Trim().ToLowerInvariant();
            events = events.Where(e => e.CorrelationId == correlationId);
        }

        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            events = events.Where(e => e.OccurredAt >= start);
        }

        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            events = events.Where(e => e.OccurredAt < end);
        }

        return events;
    }

    internal static async Task<List<AuditRow>> ToRowsAsync(MeldrouteDbContext db, IQueryable<AuditEvent> events, CancellationToken cancellationToken) =>
        await ToRowsAsync(db, await events.ToListAsync(cancellationToken), cancellationToken);

    private static async Task<List<AuditRow>> ToRowsAsync(MeldrouteDbContext db, IReadOnlyList<AuditEvent> list, CancellationToken cancellationToken)
    {
        // Accounts as people know them, the actor by address and an account that is the object by name and address: ids tell a reader nothing.
        var userIds = list.Select(e => e.ActorId).Concat(list.Where(e => e.ObjectType == "user").Select(e => e.ObjectId)).OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, cancellationToken);
        string? Named(string id) => users.GetValueOrDefault(id) is { } u ? (string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email : $"{u.DisplayName} ({u.Email})") : null;
        return [.. list.Select(e => new AuditRow(e.Sequence, e.OccurredAt, e.ActorId is null ? null : users.GetValueOrDefault(e.ActorId)?.Email ?? e.ActorId, e.ActorRole, e.Action, e.ObjectType, e.ObjectId, e.Outcome, e.Purpose, e.ClientAddress, e.CorrelationId)
        {
            ObjectName = e.ObjectType == "user" && e.ObjectId is not null ? Named(e.ObjectId) : null,
        })];
    }
}
