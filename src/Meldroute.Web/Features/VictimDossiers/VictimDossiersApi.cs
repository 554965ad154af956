using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
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

        // The CoMensha registration of one possible victim: the coordinator's only (issue 21 item 4).
        var comensha = api.MapGroup("/{id:guid}/victims/{victimId:guid}/comensha").RequireAuthorization(Policies.VictimCareCoordinator);
        comensha.MapGet("", GetComenshaRegistrationAsync).WithName("GetComenshaRegistration");
        comensha.MapPut("", SaveComenshaRegistrationAsync)
            .WithDescription("Records what is registered with CoMensha for this possible victim. Version: the dossier's version as last read.")
            .WithName("SaveComenshaRegistration");
        comensha.MapGet("/download", DownloadComenshaRegistrationAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: "application/pdf")
            .WithDescription("The registration's data to submit to CoMensha, as CSV (format=csv, the default) or PDF (format=pdf); 409 until consent is recorded as given.")
            .WithName("DownloadComenshaRegistration");
        return app;
    }

    /// <summary>A page of dossiers (<c>limit</c>, default and most <see cref="ListVictimDossiers.LimitMax"/>); the neighbouring pages in the Link header.</summary>
    public static async Task<Results<Ok<IReadOnlyList<DossierSummary>>, ValidationProblem, ProblemHttpResult>> ListVictimDossiersAsync(
        bool? includeClosed, [FromQuery] string? cursor, [Range(1, ListVictimDossiers.LimitMax)] int? limit, ClaimsPrincipal user, MeldrouteDbContext db, TimeProvider clock,
        IOptions<RetentionOptions> retention, HttpContext http, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var outcome = await ListVictimDossiers.HandleAsync(db, t, user, clock.GetUtcNow(), retention.Value, new DossierFilter(includeClosed ?? false), cursor, limit ?? ListVictimDossiers.LimitMax, ct);
        if (outcome.Value is { } page)
        {
            PageCursor.AddLinks(http, page.Previous, page.Next);
        }

        return outcome.ToResult(page => TypedResults.Ok(page.Rows), t);
    }

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

    public static async Task<Results<Ok<ComenshaRegistrationView>, ProblemHttpResult>> GetComenshaRegistrationAsync(
        Guid id, Guid victimId, ClaimsPrincipal user, MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await GetComenshaRegistration.HandleAsync(db, authorization, audit, user, id, victimId, ct) is { } view ? TypedResults.Ok(view) : ApiProblems.NotFound(t);

    public static async Task<Results<Ok<DossierChanged>, ValidationProblem, ProblemHttpResult>> SaveComenshaRegistrationAsync(
        Guid id, Guid victimId, ComenshaRegistrationRequest request, ClaimsPrincipal user, DossierChanges c, CancellationToken ct) =>
        (await SaveComenshaRegistration.HandleAsync(c, user, id, victimId, request, ct)).ToResult(c.T);

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> DownloadComenshaRegistrationAsync(
        Guid id, Guid victimId, [FromQuery] string? format, ClaimsPrincipal user, MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit,
        IOptions<MeldrouteOptions> options, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var chosen = ComenshaFormat.Csv;
        if (format is not null && !Enum.TryParse(format, ignoreCase: true, out chosen))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [nameof(format)] = [t["Comensha_FormatUnknown"]] }, title: t["Api_Invalid"]);
        }

        return (await DownloadComenshaRegistration.HandleAsync(db, authorization, audit, t, await Municipalities.CurrentMunicipality.NameAsync(db, ct), user, id, victimId, chosen, ct))
            .ToResult(file => TypedResults.File(file.Content, file.ContentType, file.FileName), t);
    }

    public static async Task<Results<Ok<DossierChanged>, ValidationProblem, ProblemHttpResult>> CloseVictimDossierAsync(Guid id, CloseDossierRequest request, ClaimsPrincipal user, DossierChanges c, CancellationToken ct) =>
        (await CloseVictimDossier.HandleAsync(c, user, id, request, ct)).ToResult(c.T);
}
