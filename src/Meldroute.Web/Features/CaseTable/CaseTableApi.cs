using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Routing;

namespace Meldroute.Web.Features.CaseTable;

/// <summary>The case table's JSON API: meetings, putting a signal on an agenda, decisions and the list of decisions.</summary>
public static class CaseTableApi
{
    public static IEndpointRouteBuilder MapCaseTableApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Signals");
        api.MapPost("/meetings", CreateCaseTableMeetingAsync).RequireAuthorization(Policies.SpecialistOfficer).WithName("CreateCaseTableMeeting");
        api.MapGet("/meetings/{id:guid}/decisions", GetDecisionListAsync).RequireAuthorization(Policies.SignalReader).WithName("GetDecisionList");
        api.MapPost("/signals/{id:guid}/schedule", ScheduleSignalAsync).RequireAuthorization(Policies.SpecialistOfficer).WithName("ScheduleSignal");
        api.MapPost("/signals/{id:guid}/decision", RecordDecisionAsync).RequireAuthorization(Policies.SpecialistOfficer).WithName("RecordDecision");
        return app;
    }

    public static async Task<Results<Created<MeetingCreated>, ValidationProblem, ProblemHttpResult>> CreateCaseTableMeetingAsync(
        CreateMeetingRequest request, ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        (await CreateCaseTableMeeting.HandleAsync(db, audit, t, user, request, ct)).ToResult(m => TypedResults.Created($"/api/meetings/{m.Id}", m), t);

    public static async Task<Results<Ok<DecisionListView>, ProblemHttpResult>> GetDecisionListAsync(
        Guid id, ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await DecisionList.HandleAsync(db, audit, user, id, ct) is { } list ? TypedResults.Ok(list) : ApiProblems.NotFound(t);

    public static async Task<Results<Ok<SignalChanged>, ValidationProblem, ProblemHttpResult>> ScheduleSignalAsync(Guid id, ScheduleSignalRequest request, ClaimsPrincipal user, SignalChanges c, CancellationToken ct) =>
        (await ScheduleSignal.HandleAsync(c, user, id, request, ct)).ToResult(c.T);

    public static async Task<Results<Ok<SignalChanged>, ValidationProblem, ProblemHttpResult>> RecordDecisionAsync(Guid id, RecordDecisionRequest request, ClaimsPrincipal user, SignalChanges c, CancellationToken ct) =>
        (await RecordDecision.HandleAsync(c, user, id, request, ct)).ToResult(c.T);
}
