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
        // The panel (Shared/_ConfirmStep) posts Confirmed=true: the page's way of saying what the API says with "confirm": true.
        Confirm.Confirm = Confirmed;
        var outcome = await ConfirmForwarding.HandleAsync(Commands, User, Id, WithVersion(Confirm), ct);
        if (outcome.Errors is { Count: 1 } errors && errors.ContainsKey(ConfirmForwarding.ConfirmField))
        {
            // Not an error: the second step. The page shows what will happen and a button that sends the same input again.
            ModelState.Clear();
            Failed = nameof(Confirm);
            if (!await LoadAsync(ct))
            {
                return NotFound();
            }

            Confirming = LastRouteConfirmation();
            return Page();
        }

        return await RunAsync(nameof(Confirm), () => Task.FromResult(outcome), ct);
    }

    private ConfirmStep LastRouteConfirmation()
    {
        var t = Commands.T;
        var route = Signal.Routes.Single(r => r.Id == Confirm.RouteId);
        var partner = PartnerNames.GetValueOrDefault(Confirm.PartnerId ?? 0, "?");
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return new ConfirmStep(
            $"confirm-{route.Id}",
            t["Confirm_StepTitle", Signal.Reference],
            [
                t["Confirm_StepRoute", t["Route_" + route.Route], partner],
                t["Confirm_StepStatus", t["Status_" + SignalStatus.Forwarded]],
                t["Confirm_StepDeletes"],
                t["Confirm_StepDossier"],
            ],
            "/Forwarding/Forward",
            "Confirm",
            new Dictionary<string, string> { ["id"] = Id.ToString() },
            [
                new("Version", Version?.ToString()),
                new("Confirm.RouteId", route.Id.ToString()),
                new("Confirm.PartnerId", Confirm.PartnerId?.ToString(invariant)),
                new("Confirm.Channel", Confirm.Channel?.ToString()),
                new("Confirm.ForwardedOn", Confirm.ForwardedOn?.ToString("yyyy-MM-dd", invariant)),
            ],
            t["Confirm_Final"],
            Url.Page("/Handling/Signal", new { id = Id }) ?? "",
            HeadingLevel: 3);
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
