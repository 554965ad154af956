using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Forwarding;

/// <summary>
/// The recipient's page behind a one-time link (no account; the token in the address is the credential): the route's
/// sheet, printable and as PDF (OpenHandoverLink), and the receipt form (ConfirmHandoverReceipt). A link that no
/// longer works answers 410 and shows nothing of the signal.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.HandoverLink)]
public sealed class ReceiveModel(SignalChanges commands, IOptions<MeldrouteOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public HandoverReceiptRequest Receipt { get; set; } = new();

    public HandoverSheet? Sheet { get; private set; }

    public HandoverReceived? Received { get; private set; }

    public bool Gone { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await ShowAsync("page", cancellationToken);

    /// <summary>The sheet as PDF, for the recipient's own file (an opening like any other, audited).</summary>
    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        var shown = await ShowAsync("pdf", cancellationToken);
        return Sheet is { } sheet ? File(HandoverPdf.Render(sheet, commands.T), "application/pdf", $"{sheet.Reference}-{sheet.Route}.pdf") : shown;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await ConfirmHandoverReceipt.HandleAsync(commands, User, Token, Receipt, cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                // Shown on this response: the link answers 410 from now on, so there is nothing to redirect to.
                Received = outcome.Value;
                return Page();
            case OutcomeKind.Invalid:
                outcome.Errors!.AddTo(ModelState, nameof(Receipt));
                return await ShowAsync("receipt-form", cancellationToken);
            case OutcomeKind.NotFound:
                return NotFound();
            default:
                return ShowGone();
        }
    }

    private async Task<IActionResult> ShowAsync(string purpose, CancellationToken cancellationToken)
    {
        var outcome = await OpenHandoverLink.HandleAsync(commands, options.Value, Token, purpose, cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Sheet = outcome.Value;
                return Page();
            case OutcomeKind.NotFound:
                return NotFound();
            default:
                return ShowGone();
        }
    }

    private PageResult ShowGone()
    {
        Gone = true;
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);
}
