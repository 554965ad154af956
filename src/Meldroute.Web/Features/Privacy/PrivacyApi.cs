using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Privacy;

/// <summary>What the privacy officer's endpoints need, bound per request.</summary>
public sealed record PrivacyServices(MeldrouteDbContext Db, AuditTrail Audit, TimeProvider Clock, IStringLocalizer<SharedResource> T, ClaimsPrincipal User);

/// <summary>The privacy officer's JSON API: the processing register and subject access requests.</summary>
public static class PrivacyApi
{
    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/privacy").WithTags("Privacy").RequireAuthorization(Policies.PrivacyOfficer);

        api.MapGet("/register", ListProcessingActivitiesAsync).WithName("ListProcessingActivities");
        api.MapPost("/register", AddProcessingActivityAsync).WithName("AddProcessingActivity");
        api.MapPut("/register/{id:int}", UpdateProcessingActivityAsync).WithName("UpdateProcessingActivity");

        // POST, not GET: the name stays out of addresses and access logs.
        api.MapPost("/subject-access/search", FindSubjectDataAsync).WithName("FindSubjectData");
        api.MapPost("/subject-access/export", ExportSubjectDataAsync).WithName("ExportSubjectData");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ProcessingActivity>>> ListProcessingActivitiesAsync([AsParameters] PrivacyServices services, CancellationToken ct) =>
        TypedResults.Ok(await ListProcessingActivities.HandleAsync(services.Db, ct));

    public static async Task<Results<Created<ProcessingActivity>, ValidationProblem, ProblemHttpResult>> AddProcessingActivityAsync(
        ProcessingActivityRequest request, [AsParameters] PrivacyServices services, CancellationToken ct) =>
        (await AddProcessingActivity.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.User, request, ct)).ToResult(
            a => TypedResults.Created($"/api/privacy/register/{a.Id}", a), services.T);

    public static async Task<Results<Ok<ProcessingActivity>, ValidationProblem, ProblemHttpResult>> UpdateProcessingActivityAsync(
        int id, ProcessingActivityRequest request, [AsParameters] PrivacyServices services, CancellationToken ct) =>
        (await UpdateProcessingActivity.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.User, id, request, ct)).ToResult(services.T);

    public static async Task<Results<Ok<IReadOnlyList<SubjectRecord>>, ValidationProblem, ProblemHttpResult>> FindSubjectDataAsync(
        SubjectAccessRequest request, [AsParameters] PrivacyServices services, CancellationToken ct) =>
        (await FindSubjectData.HandleAsync(services.Db, services.Audit, services.T, request, ct)).ToResult(services.T);

    public static async Task<Results<Ok<SubjectExport>, ValidationProblem, ProblemHttpResult>> ExportSubjectDataAsync(
        SubjectAccessRequest request, [AsParameters] PrivacyServices services, CancellationToken ct) =>
        (await ExportSubjectData.HandleAsync(services.Db, services.Audit, services.Clock, services.T, request, ct)).ToResult(services.T);
}
