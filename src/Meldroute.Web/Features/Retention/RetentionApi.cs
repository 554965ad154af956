using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Retention;

/// <summary>The privacy officer's retention operations as JSON.</summary>
internal static class RetentionApi
{
    public static void MapRetentionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/retention").WithTags("Retention").RequireAuthorization(Policies.PrivacyOfficer);

        api.MapGet("/upcoming", async (RunRetention retention, CancellationToken ct) => Results.Ok(await retention.UpcomingAsync(ct)))
            .WithName("ListUpcomingPurges");

        api.MapPost("/holds", async (PlaceLegalHoldRequest request, System.Security.Claims.ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await LegalHolds.PlaceAsync(db, audit, clock, t, user, request, ct)).ToHttp(id => Results.Created($"/api/retention/holds/{id}", new { id }), t))
            .WithName("PlaceLegalHold");

        api.MapPost("/holds/{id:guid}/lift", async (Guid id, System.Security.Claims.ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await LegalHolds.LiftAsync(db, audit, clock, t, user, id, ct)).ToHttp(lifted => Results.Ok(new { id = lifted }), t))
            .WithName("LiftLegalHold");
    }
}
