using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Departments;

/// <summary>What the departments' endpoints need, bound per request.</summary>
public sealed record DepartmentServices(MeldrouteDbContext Db, AuditTrail Audit, TimeProvider Clock, IStringLocalizer<SharedResource> T, ClaimsPrincipal User);

/// <summary>The departments' JSON API: every account of a municipal role reads the list (the intake offers it; not the regional analyst); the administrator keeps it.</summary>
public static class DepartmentsApi
{
    public static IEndpointRouteBuilder MapDepartmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/departments").WithTags("Departments").RequireAuthorization(Policies.MunicipalStaff);
        api.MapGet("", ListDepartmentsAsync).WithName("ListDepartments");
        api.MapPost("", CreateDepartmentAsync).WithName("CreateDepartment").RequireAuthorization(Policies.Administrator);
        api.MapPut("/{id:int}", UpdateDepartmentAsync).WithName("UpdateDepartment").RequireAuthorization(Policies.Administrator);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<DepartmentView>>> ListDepartmentsAsync([AsParameters] DepartmentServices services, CancellationToken ct) =>
        TypedResults.Ok(await ListDepartments.HandleAsync(services.Db, ct));

    public static async Task<Results<Ok<DepartmentView>, ValidationProblem, ProblemHttpResult>> CreateDepartmentAsync(
        DepartmentRequest request, [AsParameters] DepartmentServices services, CancellationToken ct) =>
        (await CreateDepartment.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.User, request, ct)).ToResult(services.T);

    public static async Task<Results<Ok<DepartmentView>, ValidationProblem, ProblemHttpResult>> UpdateDepartmentAsync(
        int id, DepartmentRequest request, [AsParameters] DepartmentServices services, CancellationToken ct) =>
        (await UpdateDepartment.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.User, id, request, ct)).ToResult(services.T);
}
