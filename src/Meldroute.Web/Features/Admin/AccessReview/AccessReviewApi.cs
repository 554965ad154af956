using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Admin.AccessReview;

/// <summary>What the access review's endpoints need, bound per request.</summary>
public sealed record AccessReviewServices(MeldrouteDbContext Db, AuditTrail Audit, TimeProvider Clock, IStringLocalizer<SharedResource> T, ClaimsPrincipal User);

/// <summary>The yearly access review as JSON and CSV, for the administrator (with the user operations, under /api/users).</summary>
public static class AccessReviewApi
{
    public static IEndpointRouteBuilder MapAccessReviewApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users/access-review").WithTags("Users").RequireAuthorization(Policies.Administrator);

        api.MapGet("", GetAccessReviewAsync).WithName("GetAccessReview");
        api.MapGet("/csv", ExportAccessReviewAsync).Produces(StatusCodes.Status200OK, contentType: ExportAccessReview.ContentType).WithName("ExportAccessReview");
        api.MapPost("", RecordAccessReviewAsync).WithName("RecordAccessReview");
        return app;
    }

    public static async Task<Ok<AccessReviewView>> GetAccessReviewAsync([AsParameters] AccessReviewServices services, CancellationToken ct) =>
        TypedResults.Ok(await GetAccessReview.HandleAsync(services.Db, services.Clock.GetUtcNow(), ct));

    public static async Task<FileContentHttpResult> ExportAccessReviewAsync([AsParameters] AccessReviewServices services, CancellationToken ct) =>
        TypedResults.File(await ExportAccessReview.HandleAsync(services.Db, services.Audit, services.Clock.GetUtcNow(), ct), ExportAccessReview.ContentType, "toegangsreview.csv");

    public static async Task<Results<Ok<RecordAccessReviewResponse>, ValidationProblem, ProblemHttpResult>> RecordAccessReviewAsync(
        RecordAccessReviewRequest request, [AsParameters] AccessReviewServices services, CancellationToken ct) =>
        (await RecordAccessReview.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.User, request, ct)).ToResult(
            r => TypedResults.Ok(new RecordAccessReviewResponse(r.Id, r.CompletedAt, r.Accounts)), services.T);
}
