using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Routing;

namespace Meldroute.Web.Features.Intake;

/// <summary>A reporter's own signal in their list: the general status only.</summary>
public sealed record MySignalSummary(Guid Id, string Reference, ReporterStatus Status, DateOnly LastChangedOn);

/// <summary>The services of the draft operations.</summary>
public sealed record DraftServices(MeldrouteDbContext Db, AuditTrail Audit, TimeProvider Clock, IStringLocalizer<SharedResource> T);

/// <summary>The intake's JSON API: submitting a signal and the reporter's own signals.</summary>
public static class IntakeApi
{
    public static IEndpointRouteBuilder MapIntakeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Signals").RequireAuthorization(Policies.Submitter);
        api.MapPost("/signals", SubmitSignalAsync).RequireRateLimiting(RateLimits.Intake).WithName("SubmitSignal");
        api.MapGet("/my/signals", ListMySignalsAsync).WithName("ListMySignals");
        api.MapGet("/my/signals/{id:guid}", GetMySignalAsync).WithName("GetMySignal");
        var drafts = api.MapGroup("/my/drafts").WithTags("Intake drafts");
        drafts.MapGet("", ListIntakeDraftsAsync).WithName("ListIntakeDrafts");
        drafts.MapPost("", CreateIntakeDraftAsync).WithName("CreateIntakeDraft");
        drafts.MapGet("/{id:guid}", GetIntakeDraftAsync).WithName("GetIntakeDraft");
        drafts.MapPut("/{id:guid}", SaveIntakeDraftAsync).WithName("SaveIntakeDraft");
        drafts.MapDelete("/{id:guid}", DeleteIntakeDraftAsync).WithName("DeleteIntakeDraft");
        return app;
    }

    public static async Task<Ok<List<IntakeDraftSummary>>> ListIntakeDraftsAsync(ClaimsPrincipal user, MeldrouteDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await IntakeDrafts.ListAsync(db, user.FindFirstValue(ClaimTypes.NameIdentifier)!, ct));

    public static async Task<Results<Created<IntakeDraftSummary>, ValidationProblem, ProblemHttpResult>> CreateIntakeDraftAsync(
        SaveIntakeDraftRequest request, ClaimsPrincipal user, [AsParameters] DraftServices s, CancellationToken ct)
    {
        var outcome = await IntakeDrafts.SaveAsync(s.Db, s.Audit, s.Clock, user.FindFirstValue(ClaimTypes.NameIdentifier)!, null, request, s.T, ct);
        return outcome.ToResult(d => TypedResults.Created($"/api/my/drafts/{d.Id}", d), s.T);
    }

    /// <summary>Saves over an existing draft; the version read is required (409 when it changed since).</summary>
    public static async Task<Results<Ok<IntakeDraftSummary>, ValidationProblem, ProblemHttpResult>> SaveIntakeDraftAsync(
        Guid id, SaveIntakeDraftRequest request, ClaimsPrincipal user, [AsParameters] DraftServices s, CancellationToken ct) =>
        (await IntakeDrafts.SaveAsync(s.Db, s.Audit, s.Clock, user.FindFirstValue(ClaimTypes.NameIdentifier)!, id, request, s.T, ct)).ToResult(s.T);

    public static async Task<Results<Ok<IntakeDraftDetails>, ProblemHttpResult>> GetIntakeDraftAsync(
        Guid id, ClaimsPrincipal user, [AsParameters] DraftServices s, CancellationToken ct) =>
        await IntakeDrafts.GetAsync(s.Db, s.Audit, user.FindFirstValue(ClaimTypes.NameIdentifier)!, id, ct) is { } draft ? TypedResults.Ok(draft) : ApiProblems.NotFound(s.T);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteIntakeDraftAsync(
        Guid id, ClaimsPrincipal user, [AsParameters] DraftServices s, CancellationToken ct) =>
        await IntakeDrafts.DeleteAsync(s.Db, s.Audit, s.Clock, user.FindFirstValue(ClaimTypes.NameIdentifier)!, id, "deleted-by-author", ct) ? TypedResults.NoContent() : ApiProblems.NotFound(s.T);

    /// <summary>
    /// 201 with the new signal; 200 with the first signal when the Idempotency-Key was used before with the same request;
    /// 422 when it was used before with another request.
    /// </summary>
    public static async Task<Results<Created<SubmitSignalResponse>, Ok<SubmitSignalResponse>, ValidationProblem, ProblemHttpResult>> SubmitSignalAsync(
        SubmitSignalRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ClaimsPrincipal user, SignalIntake intake, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (idempotencyKey is { Length: > 200 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Idempotency-Key"] = [t["Api_IdempotencyKeyTooLong"]] }, title: t["Api_Invalid"]);
        }

        var outcome = await intake.SubmitAsync(request, user, idempotencyKey, ct);
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            return TypedResults.Problem(title: t["Api_IdempotencyKeyReusedTitle"], detail: outcome.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        if (outcome.Kind != OutcomeKind.Ok)
        {
            return TypedResults.ValidationProblem(outcome.Errors!, title: t["Api_Invalid"]);
        }

        var (response, created) = outcome.Value;
        return created ? TypedResults.Created($"/api/my/signals/{response.Id}", response) : TypedResults.Ok(response);
    }

    /// <summary>A page of the reporter's own signals (<c>limit</c>, default and most <see cref="ListMySignals.LimitMax"/>); the neighbouring pages in the Link header.</summary>
    public static async Task<Results<Ok<List<MySignalSummary>>, ValidationProblem, ProblemHttpResult>> ListMySignalsAsync(
        [FromQuery] string? cursor, [Range(1, ListMySignals.LimitMax)] int? limit, ClaimsPrincipal user, MeldrouteDbContext db, HttpContext http, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var outcome = await ListMySignals.HandleAsync(db, t, user.FindFirstValue(ClaimTypes.NameIdentifier)!, cursor, limit ?? ListMySignals.LimitMax, ct);
        if (outcome.Value is { } page)
        {
            PageCursor.AddLinks(http, page.Previous, page.Next);
        }

        return outcome.ToResult(page => TypedResults.Ok(page.Rows.Select(s => new MySignalSummary(s.Id, s.Reference, s.Status, s.LastChangedOn)).ToList()), t);
    }

    public static async Task<Results<Ok<MySignal>, ProblemHttpResult>> GetMySignalAsync(
        Guid id, ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await ListMySignals.GetAsync(db, audit, user.FindFirstValue(ClaimTypes.NameIdentifier)!, id, ct) is { } mine ? TypedResults.Ok(mine) : ApiProblems.NotFound(t);
}
