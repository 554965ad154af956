using System.Security.Claims;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.VictimDossiers;

public sealed record RevokeGrantRequest(Guid? Version);

/// <summary>
/// The victim dossier's JSON API. Reading and notes need only a signed-in account because access is decided per
/// dossier (<see cref="DossierAccessHandler"/>: the coordinator, or an active grant); everything else is the
/// coordinator's. A dossier the caller may not open is a 404, as if it did not exist.
/// </summary>
internal static class VictimDossiersApi
{
    /// <summary>The audit log's object type for dossiers.</summary>
    public const string AuditObject = "victim-dossier";

    public static void MapVictimDossiersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dossiers").WithTags("VictimDossiers");

        api.MapGet("", async (bool? includeClosed, ClaimsPrincipal user, MeldrouteDbContext db, TimeProvider clock, IOptions<RetentionOptions> retention, CancellationToken ct) =>
                Results.Ok(await ListVictimDossiers.HandleAsync(db, user, clock.GetUtcNow(), retention.Value, includeClosed ?? false, ct)))
            .RequireAuthorization(Policies.SignedIn)
            .WithName("ListVictimDossiers");

        api.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, TimeProvider clock, IOptions<RetentionOptions> retention, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                await GetVictimDossier.HandleAsync(db, authorization, audit, clock, retention.Value, user, id, ct) is { } detail
                    ? Results.Ok(detail)
                    : Outcome<DossierDetail>.NotFound().ToHttp(Results.Ok, t))
            .RequireAuthorization(Policies.SignedIn)
            .WithName("GetVictimDossier");

        api.MapPost("/{id:guid}/notes", async (Guid id, DossierNoteRequest request, ClaimsPrincipal user, DossierCommandContext c, CancellationToken ct) =>
                (await RecordDossierNote.HandleAsync(c, user, id, request, ct)).ToHttp(Results.Ok, c.T))
            .RequireAuthorization(Policies.SignedIn)
            .WithName("RecordDossierNote");

        api.MapPost("/{id:guid}/consents", async (Guid id, ConsentRequest request, ClaimsPrincipal user, DossierCommandContext c, CancellationToken ct) =>
                (await RecordConsent.HandleAsync(c, user, id, request, ct)).ToHttp(Results.Ok, c.T))
            .RequireAuthorization(Policies.VictimCareCoordinator)
            .WithName("RecordConsent");

        api.MapPost("/{id:guid}/partners", async (Guid id, DossierPartnerRequest request, ClaimsPrincipal user, DossierCommandContext c, CancellationToken ct) =>
                (await AddDossierPartner.HandleAsync(c, user, id, request, ct)).ToHttp(Results.Ok, c.T))
            .RequireAuthorization(Policies.VictimCareCoordinator)
            .WithName("AddDossierPartner");

        api.MapPut("/{id:guid}/reflection-period", async (Guid id, ReflectionPeriodRequest request, ClaimsPrincipal user, DossierCommandContext c, CancellationToken ct) =>
                (await SetReflectionPeriod.HandleAsync(c, user, id, request, ct)).ToHttp(Results.Ok, c.T))
            .RequireAuthorization(Policies.VictimCareCoordinator)
            .WithName("SetReflectionPeriod");

        api.MapPost("/{id:guid}/grants", async (Guid id, GrantRequest request, ClaimsPrincipal user, DossierCommandContext c, UserManager<MeldrouteUser> users, CancellationToken ct) =>
                (await GrantDossierAccess.GrantAsync(c, users, user, id, request, ct)).ToHttp(Results.Ok, c.T))
            .RequireAuthorization(Policies.VictimCareCoordinator)
            .WithName("GrantDossierAccess");

        api.MapPost("/{id:guid}/grants/{grantId:guid}/revoke", async (Guid id, Guid grantId, RevokeGrantRequest request, ClaimsPrincipal user, DossierCommandContext c, CancellationToken ct) =>
                (await GrantDossierAccess.RevokeAsync(c, user, id, grantId, request.Version, ct)).ToHttp(Results.Ok, c.T))
            .RequireAuthorization(Policies.VictimCareCoordinator)
            .WithName("RevokeDossierAccess");

        api.MapPost("/{id:guid}/close", async (Guid id, CloseDossierRequest request, ClaimsPrincipal user, DossierCommandContext c, CancellationToken ct) =>
                (await CloseVictimDossier.HandleAsync(c, user, id, request, ct)).ToHttp(Results.Ok, c.T))
            .RequireAuthorization(Policies.VictimCareCoordinator)
            .WithName("CloseVictimDossier");
    }
}
