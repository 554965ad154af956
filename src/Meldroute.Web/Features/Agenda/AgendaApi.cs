using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Agenda;

/// <summary>What the agenda's endpoints need, bound per request.</summary>
public sealed record AgendaServices(MeldrouteDbContext Db, AuditTrail Audit, TimeProvider Clock, IStringLocalizer<SharedResource> T, ClaimsPrincipal User);

/// <summary>The implementation agenda's JSON API, for the policy advisor.</summary>
public static class AgendaApi
{
    public static IEndpointRouteBuilder MapAgendaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/agenda").WithTags("Agenda").RequireAuthorization(Policies.PolicyAdvisor);

        api.MapGet("", ListAgendaActivitiesAsync).WithName("ListAgendaActivities");
        api.MapGet("/xlsx", ExportAgendaAsync).Produces(StatusCodes.Status200OK, contentType: ExportAgenda.ContentType).WithName("ExportAgenda");
        api.MapPost("", AddAgendaActivityAsync).WithName("AddAgendaActivity");
        api.MapPut("/{id:int}", UpdateAgendaActivityAsync).WithName("UpdateAgendaActivity");
        api.MapPost("/{id:int}/notes", AddAgendaProgressNoteAsync).WithName("AddAgendaProgressNote");
        return app;
    }

    public static async Task<Results<Ok<AgendaPage>, ValidationProblem, ProblemHttpResult>> ListAgendaActivitiesAsync(
        [AsParameters] AgendaQuery query, [AsParameters] AgendaServices services, CancellationToken ct) =>
        (await ListAgendaActivities.HandleAsync(services.Db, services.Clock, services.T, query, ct)).ToResult(services.T);

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAgendaAsync(
        [AsParameters] AgendaQuery query, [AsParameters] AgendaServices services, CancellationToken ct) =>
        (await ExportAgenda.HandleAsync(services.Db, services.Clock, services.T, query, ct)).ToResult(
            xlsx => TypedResults.File(xlsx, ExportAgenda.ContentType, ExportAgenda.FileName(services.Clock)), services.T);

    public static async Task<Results<Created<AgendaActivityView>, ValidationProblem, ProblemHttpResult>> AddAgendaActivityAsync(
        AgendaActivityRequest request, [AsParameters] AgendaServices services, CancellationToken ct) =>
        (await AddAgendaActivity.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.User, request, ct)).ToResult(
            a => TypedResults.Created($"/api/agenda/{a.Id}", a), services.T);

    public static async Task<Results<Ok<AgendaActivityView>, ValidationProblem, ProblemHttpResult>> UpdateAgendaActivityAsync(
        int id, AgendaActivityRequest request, [AsParameters] AgendaServices services, CancellationToken ct) =>
        (await UpdateAgendaActivity.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.User, id, request, ct)).ToResult(services.T);

    public static async Task<Results<Ok<AgendaActivityView>, ValidationProblem, ProblemHttpResult>> AddAgendaProgressNoteAsync(
        int id, AgendaNoteRequest request, [AsParameters] AgendaServices services, CancellationToken ct) =>
        (await AddAgendaProgressNote.HandleAsync(services.Db, services.Audit, services.Clock, services.T, services.User, id, request, ct)).ToResult(services.T);
}
