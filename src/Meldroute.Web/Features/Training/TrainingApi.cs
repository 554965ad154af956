using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Training;

/// <summary>What the training endpoints need, bound per request.</summary>
public sealed record TrainingServices(MeldrouteDbContext Db, AuditTrail Audit, TimeProvider Clock, IStringLocalizer<SharedResource> T, ClaimsPrincipal User);

/// <summary>Training records and their figures, for the policy advisor.</summary>
public static class TrainingApi
{
    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/training").WithTags("Training").RequireAuthorization(Policies.PolicyAdvisor);

        api.MapGet("", ListTrainingsAsync).WithName("ListTrainings");
        api.MapPost("", RecordTrainingAsync).WithName("RecordTraining");
        api.MapPut("/departments/{id:int}", SetPublicContactEmployeesAsync).WithName("SetPublicContactEmployees");
        return app;
    }

    public static async Task<Ok<TrainingOverview>> ListTrainingsAsync([Range(1, QueryRanges.PageMax)] int? page, [AsParameters] TrainingServices services, CancellationToken ct) =>
        TypedResults.Ok(await ListTrainings.HandleAsync(services.Db, page ?? 1, ct));

    public static async Task<Results<Created<TrainingSessionView>, ValidationProblem, ProblemHttpResult>> RecordTrainingAsync(
        TrainingRequest request, [AsParameters] TrainingServices services, CancellationToken ct) =>
        (await RecordTraining.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.User, request, ct)).ToResult(
            s => TypedResults.Created($"/api/training/{s.Id}", s), services.T);

    public static async Task<Results<Ok<DepartmentStaffView>, ValidationProblem, ProblemHttpResult>> SetPublicContactEmployeesAsync(
        int id, DepartmentStaffRequest request, [AsParameters] TrainingServices services, CancellationToken ct) =>
        (await SetPublicContactEmployees.HandleAsync(services.Db, services.Audit, services.T, id, request, ct)).ToResult(services.T);
}
