using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Routing;

namespace Meldroute.Web.Features.Audit;

/// <summary>The privacy officer's audit operations as JSON (and CSV).</summary>
internal static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.PrivacyOfficer);

        api.MapGet("/events", async ([AsParameters] AuditQueryParameters query, MeldrouteDbContext db, AuditTrail audit, CancellationToken ct) =>
                Results.Ok(await SearchAuditLog.HandleAsync(db, audit, query.ToQuery(), ct)))
            .WithName("SearchAuditLog");

        api.MapGet("/export", async ([AsParameters] AuditQueryParameters query, MeldrouteDbContext db, AuditTrail audit, CancellationToken ct) =>
                Results.File(await SearchAuditLog.ExportCsvAsync(db, audit, query.ToQuery(), ct), "text/csv; charset=utf-8", "auditlog.csv"))
            .WithName("ExportAuditLog");

        api.MapGet("/verification", async (AuditTrail audit, CancellationToken ct) => Results.Ok(await audit.VerifyAsync(ct)))
            .WithName("VerifyAuditLog");
    }
}

internal sealed class AuditQueryParameters
{
    public string? UserId { get; set; }

    public string? Object { get; set; }

    public string? Action { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public string? CorrelationId { get; set; }

    public int? Page { get; set; }

    public AuditQuery ToQuery() => new() { UserId = UserId, Object = Object, Action = Action, From = From, To = To, CorrelationId = CorrelationId, Page = Page ?? 1 };
}
