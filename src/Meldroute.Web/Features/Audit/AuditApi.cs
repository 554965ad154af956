using System.ComponentModel.DataAnnotations;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

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

    public static async Task<Results<Ok<AuditPage>, ValidationProblem, ProblemHttpResult>> SearchAuditLogAsync(
        [AsParameters] AuditQueryParameters query, [AsParameters] AuditServices services, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        query.Page > 1
            ? TypedResults.ValidationProblem(PageCursor.PageError(t), title: t["Api_Invalid"])
            : (await SearchAuditLog.HandleAsync(services.Db, services.Audit, t, query.ToQuery(), ct)).ToResult(t);

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

    /// <summary>Only page 1: the pages after it are reached by <see cref="Cursor"/> (the <c>next</c> of the page before).</summary>
    [Range(1, QueryRanges.PageMax)]
    public int? Page { get; set; }

    /// <summary>Where the page starts: the <c>next</c> or <c>previous</c> of another page (search only; the export has no pages).</summary>
    public string? Cursor { get; set; }

    [Range(1, SearchAuditLog.LimitMax)]
    public int? Limit { get; set; }

    /// <summary>Count every matching event into <c>total</c>: a count of the whole log, so only when asked.</summary>
    public bool? Count { get; set; }

    public AuditQuery ToQuery() => new()
    {
        UserId = UserId, Object = Object, Action = Action, From = From, To = To, CorrelationId = CorrelationId,
        Cursor = Cursor, Limit = Limit ?? SearchAuditLog.PageSize, Count = Count ?? false,
    };
}
