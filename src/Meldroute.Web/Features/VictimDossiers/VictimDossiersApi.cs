using System.Security.Claims;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Routing;

namespace Meldroute.Web.Features.VictimDossiers;

public sealed record RevokeGrantRequest(Guid? Version);

/// <summary>
/// The victim dossier's JSON API. Reading and notes need only the <see cref="Policies.DossierReader"/> policy because
/// access is decided per dossier (<see cref="ReadDossierRequirement"/>: the coordinator, or an active grant); everything
/// else is the coordinator's. A dossier the caller may not open is a 404, as if it did not exist.
/// </summary>
public static class VictimDossiersApi
{
    public static IEndpointRouteBuilder MapVictimDossiersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dossiers").WithTags("VictimDossiers");
        api.MapGet("", ListVictimDossiersAsync).RequireAuthorization(Policies.DossierReader).WithName("ListVictimDossiers");
        api.MapGet("/{id:guid}", GetVictimDossierAsync).RequireAuthorization(Policies.DossierReader).WithName("GetVictimDossier");
        api.MapPost("/{id:guid}/notes", RecordDossierNoteAsync).RequireAuthorization(Policies.DossierReader).WithName("RecordDossierNote");
        api.MapPost("/{id:guid}/consents", RecordConsentAsync).RequireAuthorization(Policies.VictimCareCoordinator).WithName("RecordConsent");
        api.MapPost("/{id:guid}/partners", AddDossierPartnerAsync).RequireAuthorization(Policies.VictimCareCoordinator).WithName("AddDossierPartner");
        api.MapPut("/{id:guid}/reflection-period", SetReflectionPeriodAsync).RequireAuthorization(Policies.VictimCareCoordinator).WithName("SetReflectionPeriod");
        api.MapPost("/{id:guid}/grants", GrantDossierAccessAsync).RequireAuthorization(Policies.VictimCareCoordinator).WithName("GrantDossierAccess");
        api.MapPost("/{id:guid}/grants/{grantId:guid}/revoke", RevokeDossierAccessAsync).RequireAuthorization(Policies.VictimCareCoordinator).WithName("RevokeDossierAccess");
        api.MapPost("/{id:guid}/close", CloseVictimDossierAsync).RequireAuthorization(Policies.VictimCareCoordinator).WithName("CloseVictimDossier");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<DossierSummary>>> ListVictimDossiersAsync(
        bool? includeClosed, ClaimsPrincipal user, MeldrouteDbContext db, TimeProvider clock, IOptions<RetentionOptions> retention, CancellationToken ct) =>
        TypedResults.Ok(await ListVictimDossiers.HandleAsync(db, user, clock.GetUtcNow(), retention.Value, new DossierFilter(includeClosed ?? false), ct));

    public static async Task<Results<Ok<DossierDetail>, ProblemHttpResult>> GetVictimDossierAsync(
        Guid id, ClaimsPrincipal user, MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, TimeProvider clock, IOptions<RetentionOptions> retention,
        IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await GetVictimDossier.HandleAsync(db, authorization, audit, clock, retention.Value, user, id, ct) is { } detail ? TypedResults.Ok(detail) : ApiProblems.NotFound(t);

    public static async Task<Results<Ok<DossierChanged>, ValidationProblem, ProblemHttpResult>> RecordDossierNoteAsync(Guid id, DossierNoteRequest request, ClaimsPrincipal user, DossierChanges c, CancellationToken ct) =>
        (await RecordDossierNote.HandleAsync(c, user, id, request, ct)).ToResult(c.T);

    public static async Task<Results<Ok<DossierChanged>, ValidationProblem, ProblemHttpResult>> RecordConsentAsync(Guid id, ConsentRequest request, ClaimsPrincipal user, DossierChanges c, CancellationToken ct) =>
        (await RecordConsent.HandleAsync(c, user, id, request, ct)).ToResult(c.T);

    public static async Task<Results<Ok<DossierChanged>, ValidationProblem, ProblemHttpResult>> AddDossierPartnerAsync(Guid id, DossierPartnerRequest request, ClaimsPrincipal user, DossierChanges c, CancellationToken ct) =>
        (await AddDossierPartner.HandleAsync(c, user, id, request, ct)).ToResult(c.T);

    public static async Task<Results<Ok<DossierChanged>, ValidationProblem, ProblemHttpResult>> SetReflectionPeriodAsync(Guid id, ReflectionPeriodRequest request, ClaimsPrincipal user, DossierChanges c, CancellationToken ct) =>
        (await SetReflectionPeriod.HandleAsync(c, user, id, request, ct)).ToResult(c.T);

    public static async Task<Results<Ok<DossierChanged>, ValidationProblem, ProblemHttpResult>> GrantDossierAccessAsync(
        Guid id, GrantRequest request, ClaimsPrincipal user, DossierChanges c, UserManager<MeldrouteUser> users, CancellationToken ct) =>
        (await GrantDossierAccess.HandleAsync(c, users, user, id, request, ct)).ToResult(c.T);

    public static async Task<Results<Ok<DossierChanged>, ValidationProblem, ProblemHttpResult>> RevokeDossierAccessAsync(Guid id, Guid grantId, RevokeGrantRequest request, ClaimsPrincipal user, DossierChanges c, CancellationToken ct) =>
        (await RevokeDossierAccess.HandleAsync(c, user, id, grantId, request.Version, ct)).ToResult(c.T);

    public static async Task<Results<Ok<DossierChanged>, ValidationProblem, ProblemHttpResult>> CloseVictimDossierAsync(Guid id, CloseDossierRequest request, ClaimsPrincipal user, DossierChanges c, CancellationToken ct) =>
        (await CloseVictimDossier.HandleAsync(c, user, id, request, ct)).ToResult(c.T);
}
