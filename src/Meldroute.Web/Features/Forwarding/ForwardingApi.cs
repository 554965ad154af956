using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Meldroute.Web.Infrastructure;

namespace Meldroute.Web.Features.Forwarding;

/// <summary>
/// Forwarding's JSON API: the balancing of interests per route, a route's hand-over sheet, a one-time link for its
/// recipient, confirming a hand-over; and the recipient's side of the link (open the sheet, confirm receipt).
/// </summary>
public static class ForwardingApi
{
    public static IEndpointRouteBuilder MapForwardingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/signals/{id:guid}").WithTags("Signals").RequireAuthorization(Policies.SpecialistOfficer);
        api.MapPost("/balancing", RecordBalancingOfInterestsAsync).WithName("RecordBalancingOfInterests");
        api.MapGet("/routes/{routeId:guid}/handover", PrepareForwardingAsync).WithName("PrepareForwarding");
        api.MapPost("/forwarding", ConfirmForwardingAsync).WithName("ConfirmForwarding");
        api.MapPost("/routes/{routeId:guid}/link", IssueHandoverLinkAsync).WithName("IssueHandoverLink");

        // The recipient's side: no account, the link's token is the credential (rate limited per address).
        var partner = app.MapGroup("/api/handover/{token}").WithTags("Handover").AllowAnonymous().RequireRateLimiting(RateLimits.HandoverLink);
        partner.MapGet("", OpenHandoverLinkAsync).WithName("OpenHandoverLink");
        partner.MapPost("/receipt", ConfirmHandoverReceiptAsync).WithName("ConfirmHandoverReceipt");
        return app;
    }

    public static async Task<Results<Ok<SignalChanged>, ValidationProblem, ProblemHttpResult>> RecordBalancingOfInterestsAsync(Guid id, BalancingRequest request, ClaimsPrincipal user, SignalChanges c, CancellationToken ct) =>
        (await RecordBalancingOfInterests.HandleAsync(c, user, id, request, ct)).ToResult(c.T);

    public static async Task<Results<Ok<HandoverSheet>, ValidationProblem, ProblemHttpResult>> PrepareForwardingAsync(
        Guid id, Guid routeId, ClaimsPrincipal user, SignalChanges c, IAuthorizationService authorization, IOptions<MeldrouteOptions> options, CancellationToken ct) =>
        (await PrepareForwarding.HandleAsync(c, authorization, options, user, id, routeId, "forwarding", ct)).ToResult(c.T);

    public static async Task<Results<Ok<HandoverLinkIssued>, ValidationProblem, ProblemHttpResult>> IssueHandoverLinkAsync(
        Guid id, Guid routeId, IssueHandoverLinkRequest? request, ClaimsPrincipal user, SignalChanges c, IOptions<MeldrouteOptions> options, HttpRequest http, CancellationToken ct) =>
        (await IssueHandoverLink.HandleAsync(c, options.Value, IssueHandoverLink.BaseUrl(options.Value, http), user, id, routeId, request ?? new IssueHandoverLinkRequest(), ct)).ToResult(c.T);

    public static async Task<Results<Ok<HandoverSheet>, ValidationProblem, ProblemHttpResult>> OpenHandoverLinkAsync(string token, SignalChanges c, IOptions<MeldrouteOptions> options, CancellationToken ct) =>
        (await OpenHandoverLink.HandleAsync(c, options.Value, token, "api", ct)).ToResult(c.T);

    public static async Task<Results<Ok<HandoverReceived>, ValidationProblem, ProblemHttpResult>> ConfirmHandoverReceiptAsync(
        string token, HandoverReceiptRequest request, ClaimsPrincipal user, SignalChanges c, CancellationToken ct) =>
        (await ConfirmHandoverReceipt.HandleAsync(c, user, token, request, ct)).ToResult(c.T);

    public static async Task<Results<Ok<SignalChanged>, ValidationProblem, ProblemHttpResult>> ConfirmForwardingAsync(Guid id, ConfirmForwardingRequest request, ClaimsPrincipal user, SignalChanges c, CancellationToken ct) =>
        (await ConfirmForwarding.HandleAsync(c, user, id, request, ct)).ToResult(c.T);
}
