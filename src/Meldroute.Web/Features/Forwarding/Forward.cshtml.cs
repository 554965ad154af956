using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Handling;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Forwarding;

/// <summary>
/// Forwarding's posts from the signal's page, one form per route: its balancing of interests
/// (RecordBalancingOfInterests), a one-time link for its recipient (IssueHandoverLink) and confirming its hand-over
/// (ConfirmForwarding), which asks a second time when it would delete the personal data.
/// </summary>
[Authorize(Policy = Policies.SpecialistOfficer)]
public sealed class ForwardModel(MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, SignalChanges commands, IOptions<MeldrouteOptions> options)
    : SignalStepPageModel(db, authorization, audit, commands)
{
    public Task<IActionResult> OnPostBalancingAsync(CancellationToken ct) =>
        RunAsync(nameof(Balancing), () => RecordBalancingOfInterests.HandleAsync(Commands, User, Id, WithVersion(Balancing), ct), ct);

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var outcome = await ConfirmForwarding.HandleAsync(Commands, User, Id, WithVersion(Confirm), ct);
        if (outcome.Errors is { Count: 1 } errors && errors.ContainsKey(ConfirmForwarding.ConfirmField))
        {
            // Not an error: the second step. The page shows what will happen and a button that sends the same input with Confirm.
            ModelState.Clear();
            Failed = nameof(Confirm);
            AwaitingConfirmation = true;
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        return await RunAsync(nameof(Confirm), () => Task.FromResult(outcome), ct);
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid routeId, CancellationToken ct)
    {
        var outcome = await IssueHandoverLink.HandleAsync(Commands, options.Value, IssueHandoverLink.BaseUrl(options.Value, Request), User, Id, routeId, WithVersion(new IssueHandoverLinkRequest()), ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            return await RunAsync("Link", () => Task.FromResult(outcome.Failed<SignalChanged>()), ct);
        }

        // Shown on this response only, never through a redirect: the URL holds the token.
        ModelState.Clear();
        IssuedLink = outcome.Value;
        IssuedLinkRouteId = routeId;
        Version = outcome.Value!.Version;
        return await LoadAsync(ct) ? Page() : NotFound();
    }
}
