using System.Text;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Meldroute.Web.Features.Signals;

namespace Meldroute.Web.Features.Forwarding;

/// <summary>The hand-over sheet of one route (PrepareForwarding): a printable page and a download, each audited.</summary>
[Authorize(Policy = Policies.SpecialistOfficer)]
public sealed class HandoverModel(SignalChanges commands, IAuthorizationService authorization) : PageModel
{
    public HandoverSheet Sheet { get; private set; } = null!;

    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid routeId, CancellationToken cancellationToken)
    {
        var outcome = await PrepareForwarding.HandleAsync(commands, authorization, User, id, routeId, "forwarding-print", cancellationToken);
        return Show(outcome);
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id, Guid routeId, CancellationToken cancellationToken)
    {
        var outcome = await PrepareForwarding.HandleAsync(commands, authorization, User, id, routeId, "forwarding-download", cancellationToken);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            return Show(outcome);
        }

        var text = PrepareForwarding.ToText(outcome.Value!, key => commands.T[key]);
        // The file name holds the reference and route only: never a name.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), "text/plain; charset=utf-8", $"{outcome.Value!.Reference}-{outcome.Value.Route}.txt");
    }

    private IActionResult Show(Outcome<HandoverSheet> outcome)
    {
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
