using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Privacy;

/// <summary>The privacy officer's JSON API: the processing register and subject access requests.</summary>
internal static class PrivacyApi
{
    public static void MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/privacy").WithTags("Privacy").RequireAuthorization(Policies.PrivacyOfficer);

        api.MapGet("/register", async (MeldrouteDbContext db, CancellationToken ct) => Results.Ok(await ProcessingRegister.ListAsync(db, ct)))
            .WithName("ListProcessingActivities");

        api.MapPost("/register", async (ProcessingActivityRequest request, ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await ProcessingRegister.SaveAsync(db, audit, clock, t, user, null, request, ct)).ToHttp(a => Results.Created($"/api/privacy/register/{a.Id}", a), t))
            .WithName("AddProcessingActivity");

        api.MapPut("/register/{id:int}", async (int id, ProcessingActivityRequest request, ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await ProcessingRegister.SaveAsync(db, audit, clock, t, user, id, request, ct)).ToHttp(Results.Ok, t))
            .WithName("UpdateProcessingActivity");

        // POST, not GET: the name stays out of addresses and access logs.
        api.MapPost("/subject-access/search", async (SubjectAccessRequest request, MeldrouteDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await SubjectAccess.FindAsync(db, audit, t, request, ct)).ToHttp(Results.Ok, t))
            .WithName("FindSubjectData");

        api.MapPost("/subject-access/export", async (SubjectAccessRequest request, MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await SubjectAccess.ExportAsync(db, audit, clock, t, request, ct)).ToHttp(Results.Ok, t))
            .WithName("ExportSubjectData");
    }
}
