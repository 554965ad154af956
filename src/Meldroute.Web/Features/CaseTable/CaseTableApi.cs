using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Routing;

namespace Meldroute.Web.Features.CaseTable;

/// <summary>
/// The case table's JSON API: meetings with their chair and attendance, putting a signal on an agenda, the members'
/// contributions, decisions, and the list of decisions (as JSON and as the minutes' PDF). Endpoints open to members
/// name <see cref="Policies.SignalReader"/>; which meeting and which signal is decided per record by the requirements.
/// </summary>
public static class CaseTableApi
{
    public static IEndpointRouteBuilder MapCaseTableApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Signals");
        api.MapPost("/meetings", CreateCaseTableMeetingAsync).RequireAuthorization(Policies.SpecialistOfficer).WithName("CreateCaseTableMeeting");
        api.MapGet("/meetings/{id:guid}", GetCaseTableMeetingAsync).RequireAuthorization(Policies.SignalReader).WithName("GetCaseTableMeeting");
        api.MapPut("/meetings/{id:guid}/chair", SetMeetingChairAsync).RequireAuthorization(Policies.SpecialistOfficer).WithName("SetMeetingChair");
        api.MapPut("/meetings/{id:guid}/attendance", RecordAttendanceAsync).RequireAuthorization(Policies.SignalReader).WithName("RecordAttendance");
        api.MapGet("/meetings/{id:guid}/signals/{signalId:guid}/contributions", ListContributionsAsync).RequireAuthorization(Policies.SignalReader).WithName("ListContributions");
        api.MapPost("/meetings/{id:guid}/signals/{signalId:guid}/contributions", AddContributionAsync).RequireAuthorization(Policies.SignalReader).WithName("AddContribution");
        api.MapPut("/meetings/{id:guid}/contributions/{contributionId:guid}", SaveContributionAsync).RequireAuthorization(Policies.SignalReader).WithName("SaveContribution");
        api.MapGet("/meetings/{id:guid}/decisions", GetDecisionListAsync).RequireAuthorization(Policies.SignalReader).WithName("GetDecisionList");
        api.MapGet("/meetings/{id:guid}/minutes", GetMinutesAsync).RequireAuthorization(Policies.SignalReader)
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").WithName("GetMinutes");
        api.MapPost("/signals/{id:guid}/schedule", ScheduleSignalAsync).RequireAuthorization(Policies.SpecialistOfficer).WithName("ScheduleSignal");
        // The chair decides in the meeting (an officer, or a member given the chair); the urgent path is an officer's.
        api.MapPost("/signals/{id:guid}/decision", RecordDecisionAsync).RequireAuthorization(Policies.SignalReader).WithName("RecordDecision");
        return app;
    }

    public static async Task<Results<Created<MeetingCreated>, ValidationProblem, ProblemHttpResult>> CreateCaseTableMeetingAsync(
        CreateMeetingRequest request, ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        (await CreateCaseTableMeeting.HandleAsync(db, audit, t, user, request, ct)).ToResult(m => TypedResults.Created($"/api/meetings/{m.Id}", m), t);

    public static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> GetCaseTableMeetingAsync(
        Guid id, ClaimsPrincipal user, MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await GetCaseTableMeeting.HandleAsync(db, authorization, audit, user, id, "meeting.read", ct) is { } meeting ? TypedResults.Ok(meeting) : ApiProblems.NotFound(t);

    public static async Task<Results<Ok<MeetingChanged>, ValidationProblem, ProblemHttpResult>> SetMeetingChairAsync(
        Guid id, SetMeetingChairRequest request, ClaimsPrincipal user, AggregateChanges c, CancellationToken ct) =>
        (await SetMeetingChair.HandleAsync(c, user, id, request, ct)).ToResult(c.T);

    public static async Task<Results<Ok<MeetingChanged>, ValidationProblem, ProblemHttpResult>> RecordAttendanceAsync(
        Guid id, RecordAttendanceRequest request, ClaimsPrincipal user, AggregateChanges c, CancellationToken ct) =>
        (await RecordAttendance.HandleAsync(c, user, id, request, ct)).ToResult(c.T);

    public static async Task<Results<Ok<IReadOnlyList<ContributionView>>, ProblemHttpResult>> ListContributionsAsync(
        Guid id, Guid signalId, ClaimsPrincipal user, MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await ListContributions.HandleAsync(db, authorization, audit, user, id, signalId, ct) is { } list ? TypedResults.Ok(list) : ApiProblems.NotFound(t);

    public static async Task<Results<Created<ContributionView>, ValidationProblem, ProblemHttpResult>> AddContributionAsync(
        Guid id, Guid signalId, AddContributionRequest request, ClaimsPrincipal user, AggregateChanges c, IAuthorizationService authorization, CancellationToken ct) =>
        (await AddContribution.HandleAsync(c, authorization, user, id, signalId, request, ct)).ToResult(v => TypedResults.Created($"/api/meetings/{id}/contributions/{v.Id}", v), c.T);

    public static async Task<Results<Ok<ContributionView>, ValidationProblem, ProblemHttpResult>> SaveContributionAsync(
        Guid id, Guid contributionId, SaveContributionRequest request, ClaimsPrincipal user, AggregateChanges c, IAuthorizationService authorization, CancellationToken ct) =>
        (await SaveContribution.HandleAsync(c, authorization, user, id, contributionId, request, ct)).ToResult(c.T);

    public static async Task<Results<Ok<DecisionListView>, ProblemHttpResult>> GetDecisionListAsync(
        Guid id, ClaimsPrincipal user, MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await DecisionList.HandleAsync(db, authorization, audit, user, id, ct) is { } list ? TypedResults.Ok(list) : ApiProblems.NotFound(t);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetMinutesAsync(
        Guid id, ClaimsPrincipal user, MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await DecisionList.MinutesAsync(db, authorization, audit, user, id, ct) is { } minutes
            ? TypedResults.File(MinutesPdf.Render(minutes, t), "application/pdf", MinutesPdf.FileName(minutes))
            : ApiProblems.NotFound(t);

    public static async Task<Results<Ok<SignalChanged>, ValidationProblem, ProblemHttpResult>> ScheduleSignalAsync(Guid id, ScheduleSignalRequest request, ClaimsPrincipal user, SignalChanges c, CancellationToken ct) =>
        (await ScheduleSignal.HandleAsync(c, user, id, request, ct)).ToResult(c.T);

    public static async Task<Results<Ok<SignalChanged>, ValidationProblem, ProblemHttpResult>> RecordDecisionAsync(Guid id, RecordDecisionRequest request, ClaimsPrincipal user, SignalChanges c, CancellationToken ct) =>
        (await RecordDecision.HandleAsync(c, user, id, request, ct)).ToResult(c.T);
}
