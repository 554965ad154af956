using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Training;

/// <summary>Training records and their figures, for the policy advisor.</summary>
internal static class TrainingApi
{
    public static void MapTrainingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/training").WithTags("Training").RequireAuthorization(Policies.PolicyAdvisor);

        api.MapGet("", async (int? page, MeldrouteDbContext db, CancellationToken ct) => Results.Ok(await Trainings.ListAsync(db, page ?? 1, ct)))
            .WithName("ListTrainings");

        api.MapPost("", async (TrainingRequest request, ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await Trainings.RecordAsync(db, audit, clock, t, user, request, ct)).ToHttp(s => Results.Created($"/api/training/{s.Id}", s), t))
            .WithName("RecordTraining");

        api.MapPut("/departments/{id:int}", async (int id, DepartmentStaffRequest request, MeldrouteDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await Trainings.SetStaffAsync(db, audit, t, id, request, ct)).ToHttp(Results.Ok, t))
            .WithName("SetPublicContactEmployees");
    }
}
