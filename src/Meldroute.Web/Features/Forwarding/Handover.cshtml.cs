using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Forwarding;

/// <summary>The hand-over sheet of one route (PrepareForwarding) as the officer sees it: printable, audited.</summary>
[Authorize(Policy = Policies.SpecialistOfficer)]
public sealed class HandoverModel(SignalChanges commands, IAuthorizationService authorization, IOptions<MeldrouteOptions> options) : PageModel
{
    public HandoverSheet Sheet { get; private set; } = null!;

    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid routeId, CancellationToken cancellationToken)
    {
        var outcome = await PrepareForwarding.HandleAsync(commands, authorization, options, User, id, routeId, "forwarding-print", cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Sheet = outcome.Value!;
                return Page();
            case OutcomeKind.Conflict:
                Conflict = outcome.Message;
                return Page();
            default:
                return NotFound();
        }
    }
}
