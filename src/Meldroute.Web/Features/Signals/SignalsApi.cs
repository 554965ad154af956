using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.CaseTable;
using Meldroute.Web.Features.Forwarding;
using Meldroute.Web.Features.Handling;
using Meldroute.Web.Features.Intake;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Signals;

/// <summary>
/// The JSON API of the reporting procedure: the same use cases as the pages, with stable operationIds.
/// Errors are RFC 9457 problem details with Dutch (or English) messages.
/// </summary>
internal static class SignalsApi
{
    public static void MapSignalsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Signals");

        api.MapPost("/signals", async (SubmitSignalRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ClaimsPrincipal user,
                MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t, IntakeWriter intake,
                Microsoft.Extensions.Caching.Memory.IMemoryCache cache, CancellationToken ct) =>
            {
                if (idempotencyKey is { Length: > 200 })
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["Idempotency-Key"] = [t["Api_IdempotencyKeyTooLong"]] }, title: t["Api_Invalid"]);
                }

                var codes = await ReferenceData.ActiveIndicatorCodesAsync(db, cache, ct);
                var errors = SubmitSignal.Validate(request, codes, user.IsInRole(Roles.SpecialistOfficer), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), t);
                if (request.DepartmentId is { } department && !await db.Departments.AnyAsync(d => d.Id == department, ct))
                {
                    errors[nameof(request.DepartmentId)] = [t["Intake_DepartmentUnknown"]];
                }

                if (errors.Count > 0)
                {
                    return Results.ValidationProblem(errors, title: t["Api_Invalid"]);
                }

                var (response, created) = await intake.SubmitAsync(SubmitSignal.Prepare(audit, clock, request, UserId(user), idempotencyKey, []), ct);
                return created ? Results.Created($"/api/my/signals/{response.Id}", response) : Results.Ok(response);
            })
            .RequireAuthorization(Policies.Submitter)
            .RequireRateLimiting(RateLimits.Intake)
            .WithName("SubmitSignal")
            .Produces<SubmitSignalResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        api.MapGet("/my/signals", async (ClaimsPrincipal user, MeldrouteDbContext db, CancellationToken ct) =>
                Results.Ok((await ListMySignals.HandleAsync(db, UserId(user), ct)).Select(s => new { s.Id, s.Reference, Status = s.Status.ToString(), s.LastChangedOn })))
            .RequireAuthorization(Policies.Submitter)
            .WithName("ListMySignals");

        api.MapGet("/my/signals/{id:guid}", async (Guid id, ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                await ListMySignals.GetAsync(db, audit, UserId(user), id, ct) is { } mine ? Results.Ok(mine) : NotFound(t))
            .RequireAuthorization(Policies.Submitter)
            .WithName("GetMySignal");

        api.MapGet("/signals", async ([AsParameters] SignalFilterQuery query, MeldrouteDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Retention.RetentionOptions> retention, CancellationToken ct) =>
                Results.Ok(await ListSignals.HandleAsync(db, query.ToFilter(), clock.GetUtcNow(), retention.Value, ct)))
            .RequireAuthorization(Policies.SpecialistOfficer)
            .WithName("ListSignals");

        api.MapGet("/signals/{id:guid}", async (Guid id, ClaimsPrincipal user, MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                await GetSignal.HandleAsync(db, authorization, audit, user, id, "handling", ct) is { } detail ? Results.Ok(detail) : NotFound(t))
            .RequireAuthorization(Policies.SignalReader)
            .WithName("GetSignal");

        // Always a download (Content-Disposition: attachment), never shown inline: the file came from outside.
        api.MapGet("/signals/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, ClaimsPrincipal user, MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                await GetSignalAttachment.HandleAsync(db, authorization, audit, user, id, attachmentId, ct) is { } file
                    ? Results.File(file.Content, file.ContentType, file.FileName)
                    : NotFound(t))
            .RequireAuthorization(Policies.SignalReader)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .WithName("GetSignalAttachment");

        api.MapPost("/signals/{id:guid}/analysis", async (Guid id, RecordAnalysisRequest request, ClaimsPrincipal user, SignalCommandContext c, CancellationToken ct) =>
                (await RecordAnalysis.HandleAsync(c, user, id, request, ct)).ToHttp(Results.Ok, c.T))
            .RequireAuthorization(Policies.SpecialistOfficer)
            .WithName("RecordAnalysis");

        api.MapPost("/meetings", async (CreateMeetingRequest request, ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await CreateCaseTableMeeting.HandleAsync(db, audit, t, user, request, ct)).ToHttp(m => Results.Created($"/api/meetings/{m.Id}", m), t))
            .RequireAuthorization(Policies.SpecialistOfficer)
            .WithName("CreateCaseTableMeeting");

        api.MapGet("/meetings/{id:guid}/decisions", async (Guid id, ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                await DecisionList.HandleAsync(db, audit, user, id, ct) is { } list ? Results.Ok(list) : NotFound(t))
            .RequireAuthorization(Policies.SignalReader)
            .WithName("GetDecisionList");

        api.MapPost("/signals/{id:guid}/schedule", async (Guid id, ScheduleSignalRequest request, ClaimsPrincipal user, SignalCommandContext c, CancellationToken ct) =>
                (await ScheduleSignal.HandleAsync(c, user, id, request, ct)).ToHttp(Results.Ok, c.T))
            .RequireAuthorization(Policies.SpecialistOfficer)
            .WithName("ScheduleSignal");

        api.MapPost("/signals/{id:guid}/decision", async (Guid id, RecordDecisionRequest request, ClaimsPrincipal user, SignalCommandContext c, CancellationToken ct) =>
                (await RecordDecision.HandleAsync(c, user, id, request, ct)).ToHttp(Results.Ok, c.T))
            .RequireAuthorization(Policies.SpecialistOfficer)
            .WithName("RecordDecision");

        api.MapPost("/signals/{id:guid}/balancing", async (Guid id, BalancingRequest request, ClaimsPrincipal user, SignalCommandContext c, CancellationToken ct) =>
                (await RecordBalancingOfInterests.HandleAsync(c, user, id, request, ct)).ToHttp(Results.Ok, c.T))
            .RequireAuthorization(Policies.SpecialistOfficer)
            .WithName("RecordBalancingOfInterests");

        api.MapGet("/signals/{id:guid}/routes/{routeId:guid}/handover", async (Guid id, Guid routeId, ClaimsPrincipal user, SignalCommandContext c, IAuthorizationService authorization, CancellationToken ct) =>
                (await PrepareForwarding.HandleAsync(c, authorization, user, id, routeId, "forwarding", ct)).ToHttp(Results.Ok, c.T))
            .RequireAuthorization(Policies.SpecialistOfficer)
            .WithName("PrepareForwarding");

        api.MapPost("/signals/{id:guid}/forwarding", async (Guid id, ConfirmForwardingRequest request, ClaimsPrincipal user, SignalCommandContext c, CancellationToken ct) =>
                (await ConfirmForwarding.HandleAsync(c, user, id, request, ct)).ToHttp(Results.Ok, c.T))
            .RequireAuthorization(Policies.SpecialistOfficer)
            .WithName("ConfirmForwarding");

        api.MapPost("/signals/{id:guid}/close", async (Guid id, CloseSignalRequest request, ClaimsPrincipal user, SignalCommandContext c, CancellationToken ct) =>
                (await CloseSignal.HandleAsync(c, user, id, request, ct)).ToHttp(Results.Ok, c.T))
            .RequireAuthorization(Policies.SpecialistOfficer)
            .WithName("CloseSignal");

        api.MapPost("/signals/{id:guid}/feedback", async (Guid id, GiveFeedbackRequest request, ClaimsPrincipal user, SignalCommandContext c, CancellationToken ct) =>
                (await GiveFeedback.HandleAsync(c, user, id, request, ct)).ToHttp(Results.Ok, c.T))
            .RequireAuthorization(Policies.SpecialistOfficer)
            .WithName("GiveFeedback");
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static IResult NotFound(IStringLocalizer t) => Results.Problem(title: t["Api_NotFound"], statusCode: StatusCodes.Status404NotFound);
}

/// <summary>The inbox filters as query parameters.</summary>
internal sealed class SignalFilterQuery
{
    public SignalStatus? Status { get; set; }

    public ExploitationForms? Form { get; set; }

    public SignalSource? Source { get; set; }

    public int? OlderThanDays { get; set; }

    public bool? OpenOnly { get; set; }

    public int? Page { get; set; }

    public SignalFilter ToFilter() => new() { Status = Status, Form = Form, Source = Source, OlderThanDays = OlderThanDays, OpenOnly = OpenOnly ?? true, Page = Page ?? 1 };
}
