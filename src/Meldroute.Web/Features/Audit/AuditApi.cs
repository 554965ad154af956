using System.ComponentModel.DataAnnotations;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Meldroute.Web.Features.Audit;

/// <summary>What the audit endpoints need, bound per request.</summary>
public sealed record AuditServices(MeldrouteDbContext Db, AuditTrail Audit);

/// <summary>The privacy officer's audit operations as JSON (and CSV).</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.PrivacyOfficer);

        api.MapGet("/events", SearchAuditLogAsync).WithName("SearchAuditLog");
        api.MapGet("/export", ExportAuditLogAsync).Produces(StatusCodes.Status200OK, contentType: ExportAuditLog.ContentType).WithName("ExportAuditLog");
        api.MapGet("/verification", VerifyAuditLogAsync).WithName("VerifyAuditLog");
        return app;
    }

    public static async Task<Ok<AuditPage>> SearchAuditLogAsync([AsParameters] AuditQueryParameters query, [AsParameters] AuditServices services, CancellationToken ct) =>
        TypedResults.Ok(await SearchAuditLog.HandleAsync(services.Db, services.Audit, query.ToQuery(), ct));

    public static async Task<FileContentHttpResult> ExportAuditLogAsync([AsParameters] AuditQueryParameters query, [AsParameters] AuditServices services, CancellationToken ct) =>
        TypedResults.File(await ExportAuditLog.HandleAsync(services.Db, services.Audit, query.ToQuery(), ct), ExportAuditLog.ContentType, "auditlog.csv");

    public static async Task<Ok<AuditVerification>> VerifyAuditLogAsync(AuditTrail audit, AuditAnchor anchor, CancellationToken ct) =>
        TypedResults.Ok(await VerifyAuditLog.HandleAsync(audit, anchor, ct));
}

/// <summary>SearchAuditLog and ExportAuditLog's filters, as query parameters.</summary>
public sealed class AuditQueryParameters
{
    public string? UserId { get; set; }

    public string? Object { get; set; }

    public string? Action { get; set; }

    [Range(typeof(DateOnly), QueryRanges.DateMin, QueryRanges.DateMax, ParseLimitsInInvariantCulture = true)]
    public DateOnly? From { get; set; }

    [Range(typeof(DateOnly), QueryRanges.DateMin, QueryRanges.DateMax, ParseLimitsInInvariantCulture = true)]
    public DateOnly? To { get; set; }

    public string? CorrelationId { get; set; }

    [Range(1, QueryRanges.PageMax)]
    public int? Page { get; set; }

    public AuditQuery ToQuery() => new() { UserId = UserId, Object = Object, Action = Action, From = From, To = To, CorrelationId = CorrelationId, Page = Page ?? 1 };
}
