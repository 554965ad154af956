using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Handling;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Meldroute.Web.Features.Forwarding;

/// <summary>Forwarding's posts from the signal's page: the balancing of interests (RecordBalancingOfInterests) and confirming a route's hand-over (ConfirmForwarding).</summary>
[Authorize(Policy = Policies.SpecialistOfficer)]
public sealed class ForwardModel(MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, SignalChanges commands)
    : SignalStepPageModel(db, authorization, audit, commands)
{
    public Task<IActionResult> OnPostBalancingAsync(CancellationToken ct) =>
        RunAsync(nameof(Balancing), () => RecordBalancingOfInterests.HandleAsync(Commands, User, Id, WithVersion(Balancing), ct), ct);

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken ct) =>
        RunAsync(nameof(Confirm), () => ConfirmForwarding.HandleAsync(Commands, User, Id, WithVersion(Confirm), ct), ct);
}
