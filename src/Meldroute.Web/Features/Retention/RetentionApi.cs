using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Retention;

/// <summary>What the retention endpoints need, bound per request.</summary>
public sealed record RetentionServices(
    MeldrouteDbContext Db, AuditTrail Audit, TimeProvider Clock, IStringLocalizer<SharedResource> T, ClaimsPrincipal User, IOptions<RetentionOptions> Options);

/// <summary>The privacy officer's retention operations as JSON.</summary>
public static class RetentionApi
{
    public static IEndpointRouteBuilder MapRetentionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/retention").WithTags("Retention").RequireAuthorization(Policies.PrivacyOfficer);

        api.MapGet("/upcoming", ListUpcomingPurgesAsync).WithName("ListUpcomingPurges");
        api.MapPost("/holds", PlaceLegalHoldAsync).WithName("PlaceLegalHold");
        api.MapPost("/holds/{id:guid}/lift", LiftLegalHoldAsync).WithName("LiftLegalHold");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<UpcomingPurge>>> ListUpcomingPurgesAsync([AsParameters] RetentionServices services, CancellationToken ct) =>
        TypedResults.Ok(await ListUpcomingPurges.HandleAsync(services.Db, services.Options.Value, ct));

    public static async Task<Results<Created<LegalHoldRef>, ValidationProblem, ProblemHttpResult>> PlaceLegalHoldAsync(
        PlaceLegalHoldRequest request, [AsParameters] RetentionServices services, CancellationToken ct) =>
        (await PlaceLegalHold.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.User, request, ct)).ToResult(
            id => TypedResults.Created($"/api/retention/holds/{id}", new LegalHoldRef(id)), services.T);

    public static async Task<Results<Ok<LegalHoldRef>, ValidationProblem, ProblemHttpResult>> LiftLegalHoldAsync(
        Guid id, [AsParameters] RetentionServices services, CancellationToken ct) =>
        (await LiftLegalHold.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.User, id, ct)).ToResult(
            lifted => TypedResults.Ok(new LegalHoldRef(lifted)), services.T);
}
