using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Meldroute.Web.Infrastructure;

namespace Meldroute.Web.Features.Forwarding;

/// <summary>Forwarding's JSON API: the balancing of interests, a route's hand-over sheet and confirming a hand-over.</summary>
public static class ForwardingApi
{
    public static IEndpointRouteBuilder MapForwardingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/signals/{id:guid}").WithTags("Signals").RequireAuthorization(Policies.SpecialistOfficer);
        api.MapPost("/balancing", RecordBalancingOfInterestsAsync).WithName("RecordBalancingOfInterests");
        api.MapGet("/routes/{routeId:guid}/handover", PrepareForwardingAsync).WithName("PrepareForwarding");
        api.MapPost("/forwarding", ConfirmForwardingAsync).WithName("ConfirmForwarding");
        return app;
    }

    public static async Task<Results<Ok<SignalChanged>, ValidationProblem, ProblemHttpResult>> RecordBalancingOfInterestsAsync(Guid id, BalancingRequest request, ClaimsPrincipal user, SignalChanges c, CancellationToken ct) =>
        (await RecordBalancingOfInterests.HandleAsync(c, user, id, request, ct)).ToResult(c.T);

    public static async Task<Results<Ok<HandoverSheet>, ValidationProblem, ProblemHttpResult>> PrepareForwardingAsync(
        Guid id, Guid routeId, ClaimsPrincipal user, SignalChanges c, IAuthorizationService authorization, IOptions<MeldrouteOptions> options, CancellationToken ct) =>
        (await PrepareForwarding.HandleAsync(c, authorization, options, user, id, routeId, "forwarding", ct)).ToResult(c.T);

    public static async Task<Results<Ok<SignalChanged>, ValidationProblem, ProblemHttpResult>> ConfirmForwardingAsync(Guid id, ConfirmForwardingRequest request, ClaimsPrincipal user, SignalChanges c, CancellationToken ct) =>
        (await ConfirmForwarding.HandleAsync(c, user, id, request, ct)).ToResult(c.T);
}
