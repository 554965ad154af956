using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Routing;

namespace Meldroute.Web.Features.Handling;

/// <summary>The inbox filters as query parameters.</summary>
public sealed class SignalFilterQuery
{
    public SignalStatus? Status { get; set; }

    public ExploitationForms? Form { get; set; }

    public SignalSource? Source { get; set; }

    public Urgency? Urgency { get; set; }

    [Range(0, QueryRanges.DaysMax)]
    public int? OlderThanDays { get; set; }

    public bool? OpenOnly { get; set; }

    /// <summary>Only signals past the lead-time norm of their next step.</summary>
    public bool? Late { get; set; }

    /// <summary>Only the signals the calling officer took.</summary>
    public bool? Mine { get; set; }

    /// <summary>A reference, or words that all occur in the description of an open signal (matched in memory).</summary>
    public string? Q { get; set; }

    public InboxSort? Sort { get; set; }

    /// <summary>Only page 1: the pages after it are reached by <see cref="Cursor"/> (the <c>next</c> of the page before).</summary>
    [Range(1, QueryRanges.PageMax)]
    public int? Page { get; set; }

    /// <summary>Where the page starts: the <c>next</c> or <c>previous</c> of another page with the same sort.</summary>
    public string? Cursor { get; set; }

    /// <summary>Rows per page.</summary>
    [Range(1, ListSignals.LimitMax)]
    public int? Limit { get; set; }

    /// <summary>Count every signal that passes the filters into <c>total</c> (not with a search): a count of the whole backlog, so only when asked.</summary>
    public bool? Count { get; set; }

    public SignalFilter ToFilter(ClaimsPrincipal user) => new()
    {
        Status = Status,
        Form = Form,
        Source = Source,
        Urgency = Urgency,
        OlderThanDays = OlderThanDays,
        OpenOnly = OpenOnly ?? true,
        LateOnly = Late ?? false,
        AssignedTo = Mine == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "" : null,
        Query = Q,
        Sort = Sort ?? InboxSort.Urgency,
        Cursor = Cursor,
        Limit = Limit ?? ListSignals.PageSize,
        Count = Count ?? false,
    };
}

/// <summary>The officer's JSON API for handling a signal: the inbox, reading it, analysing, closing, feedback.</summary>
public static class HandlingApi
{
    public static IEndpointRouteBuilder MapHandlingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/signals").WithTags("Signals");
        api.MapGet("", ListSignalsAsync).RequireAuthorization(Policies.SpecialistOfficer).WithName("ListSignals");
        api.MapGet("/{id:guid}", GetSignalAsync).RequireAuthorization(Policies.SignalReader).WithName("GetSignal");
        // Always a download (Content-Disposition: attachment), never shown inline: the file came from outside.
        api.MapGet("/{id:guid}/attachments/{attachmentId:guid}", GetSignalAttachmentAsync).RequireAuthorization(Policies.SignalReader)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream", additionalContentTypes: [.. GetSignalAttachment.InertTypes]).WithName("GetSignalAttachment");
        api.MapPost("/{id:guid}/take", TakeSignalAsync).RequireAuthorization(Policies.SpecialistOfficer).WithName("TakeSignal");
        api.MapPost("/{id:guid}/analysis", RecordAnalysisAsync).RequireAuthorization(Policies.SpecialistOfficer).WithName("RecordAnalysis");
        api.MapPost("/{id:guid}/close", CloseSignalAsync).RequireAuthorization(Policies.SpecialistOfficer).WithName("CloseSignal");
        api.MapPost("/{id:guid}/feedback", GiveFeedbackAsync).RequireAuthorization(Policies.SpecialistOfficer).WithName("GiveFeedback");
        return app;
    }

    public static async Task<Results<Ok<InboxPage>, ValidationProblem, ProblemHttpResult>> ListSignalsAsync(
        [AsParameters] SignalFilterQuery query, ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IOptions<RetentionOptions> retention, IOptions<Figures.FiguresOptions> norms, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        query.Page > 1
            ? TypedResults.ValidationProblem(PageCursor.PageError(t), title: t["Api_Invalid"])
            : (await ListSignals.HandleAsync(db, audit, t, query.ToFilter(user), clock.GetUtcNow(), retention.Value, norms.Value, ct)).ToResult(t);

    public static async Task<Results<Ok<SignalChanged>, ValidationProblem, ProblemHttpResult>> TakeSignalAsync(Guid id, TakeSignalRequest request, ClaimsPrincipal user, SignalChanges c, CancellationToken ct) =>
        (await TakeSignal.HandleAsync(c, user, id, request, ct)).ToResult(c.T);

    public static async Task<Results<Ok<SignalDetail>, ProblemHttpResult>> GetSignalAsync(
        Guid id, ClaimsPrincipal user, MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await GetSignal.HandleAsync(db, authorization, audit, t, user, id, "handling", clock.GetUtcNow(), ct) is { } detail ? TypedResults.Ok(detail) : ApiProblems.NotFound(t);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetSignalAttachmentAsync(
        Guid id, Guid attachmentId, ClaimsPrincipal user, MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await GetSignalAttachment.HandleAsync(db, authorization, audit, user, id, attachmentId, ct) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : ApiProblems.NotFound(t);

    public static async Task<Results<Ok<SignalChanged>, ValidationProblem, ProblemHttpResult>> RecordAnalysisAsync(Guid id, RecordAnalysisRequest request, ClaimsPrincipal user, SignalChanges c, CancellationToken ct) =>
        (await RecordAnalysis.HandleAsync(c, user, id, request, ct)).ToResult(c.T);

    public static async Task<Results<Ok<SignalChanged>, ValidationProblem, ProblemHttpResult>> CloseSignalAsync(Guid id, CloseSignalRequest request, ClaimsPrincipal user, SignalChanges c, CancellationToken ct) =>
        (await CloseSignal.HandleAsync(c, user, id, request, ct)).ToResult(c.T);

    public static async Task<Results<Ok<SignalChanged>, ValidationProblem, ProblemHttpResult>> GiveFeedbackAsync(Guid id, GiveFeedbackRequest request, ClaimsPrincipal user, SignalChanges c, CancellationToken ct) =>
        (await GiveFeedback.HandleAsync(c, user, id, request, ct)).ToResult(c.T);
}
