using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Agenda;

/// <summary>The implementation agenda's JSON API, for the policy advisor.</summary>
internal static class AgendaApi
{
    public static void MapAgendaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/agenda").WithTags("Agenda").RequireAuthorization(Policies.PolicyAdvisor);

        api.MapGet("", async ([AsParameters] AgendaQuery query, MeldrouteDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await AgendaActivities.ListAsync(db, clock, t, query, ct)).ToHttp(Results.Ok, t))
            .WithName("ListAgendaActivities");

        api.MapGet("/xlsx", async ([AsParameters] AgendaQuery query, MeldrouteDbContext db, TimeProvider clock, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await AgendaActivities.ListAsync(db, clock, t, query, ct, all: true)).ToHttp(
                    page => Results.File(AgendaExport.ToXlsx(page.Activities, t), AgendaExport.ContentType, $"uitvoeringsagenda-{clock.GetUtcNow():yyyyMMdd}.xlsx"), t))
            .WithName("ExportAgenda");

        api.MapPost("", async (AgendaActivityRequest request, ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await AgendaActivities.SaveAsync(db, audit, clock, t, user, null, request, ct)).ToHttp(a => Results.Created($"/api/agenda/{a.Id}", a), t))
            .WithName("AddAgendaActivity");

        api.MapPut("/{id:int}", async (int id, AgendaActivityRequest request, ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await AgendaActivities.SaveAsync(db, audit, clock, t, user, id, request, ct)).ToHttp(Results.Ok, t))
            .WithName("UpdateAgendaActivity");

        api.MapPost("/{id:int}/notes", async (int id, AgendaNoteRequest request, ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await AgendaActivities.AddNoteAsync(db, audit, clock, t, user, id, request, ct)).ToHttp(Results.Ok, t))
            .WithName("AddAgendaProgressNote");
    }
}
