using System.Globalization;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
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

    public int Page { get; set; } = 1;

    public bool IsEmpty => string.IsNullOrWhiteSpace(UserId) && string.IsNullOrWhiteSpace(Object) && string.IsNullOrWhiteSpace(Action) && From is null && To is null && string.IsNullOrWhiteSpace(CorrelationId);
}

public sealed record AuditRow(long Sequence, DateTimeOffset OccurredAt, string? Actor, string? ActorRole, string Action, string? ObjectType, string? ObjectId, string Outcome, string? Purpose, string? ClientAddress, string? CorrelationId)
{
    /// <summary>The account's name and address when the object is an account (ObjectType "user"), or null: the id alone tells a reader nothing.</summary>
    public string? ObjectName { get; init; }
}

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total, int Page, int PageSize);

/// <summary>SearchAuditLog and ExportAuditLog. Searching and exporting are themselves audited.</summary>
public static class SearchAuditLog
{
    public const int PageSize = 50;

    public static async Task<AuditPage> HandleAsync(MeldrouteDbContext db, AuditTrail audit, AuditQuery query, CancellationToken cancellationToken)
    {
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(cancellationToken);
        var page = Math.Clamp(query.Page, 1, 1_000_000);
        var rows = await ToRowsAsync(db, filtered.OrderByDescending(e => e.Sequence).Skip((page - 1) * PageSize).Take(PageSize), cancellationToken);
        if (!query.IsEmpty)
        {
            await audit.RecordAsync(new AuditEntry("audit.searched", AuditOutcome.Success, "audit-log", query.Object?.Trim(), "supervision"), cancellationToken);
        }

        return new AuditPage(rows, total, page, PageSize);
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
            var objectId = query.Object.Trim();
            events = events.Where(e => e.ObjectId == objectId || e.ObjectId == objectId.ToUpperInvariant());
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

    internal static async Task<List<AuditRow>> ToRowsAsync(MeldrouteDbContext db, IQueryable<AuditEvent> events, CancellationToken cancellationToken)
    {
        var list = await events.ToListAsync(cancellationToken);
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
