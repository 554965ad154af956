using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Forwarding;

/// <summary>The hand-over sheet of one route (PrepareForwarding) as the officer sees it: printable and as PDF, audited.</summary>
[Authorize(Policy = Policies.SpecialistOfficer)]
public sealed class HandoverModel(SignalChanges commands, IAuthorizationService authorization, IOptions<MeldrouteOptions> options) : PageModel
{
    public HandoverSheet Sheet { get; private set; } = null!;

    public string? Conflict { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, Guid routeId, CancellationToken cancellationToken) =>
        ShowAsync(id, routeId, "forwarding-print", pdf: false, cancellationToken);

    /// <summary>The same sheet as PDF, to attach to secure mail or RIEC-IS; the file name holds the reference and route only.</summary>
    public Task<IActionResult> OnGetPdfAsync(Guid id, Guid routeId, CancellationToken cancellationToken) =>
        ShowAsync(id, routeId, "forwarding-pdf", pdf: true, cancellationToken);

    private async Task<IActionResult> ShowAsync(Guid id, Guid routeId, string purpose, bool pdf, CancellationToken cancellationToken)
    {
        var outcome = await PrepareForwarding.HandleAsync(commands, authorization, options, User, id, routeId, purpose, cancellationToken);
        if (pdf && outcome.Kind == OutcomeKind.Ok)
        {
            return File(HandoverPdf.Render(outcome.Value!, commands.T), "application/pdf", $"{outcome.Value!.Reference}-{outcome.Value.Route}.pdf");
        }

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
