using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Forwarding;

public sealed class HandoverReceiptRequest
{
    /// <summary>Who received it at the partner.</summary>
    public string? Name { get; set; }

    public string? Organisation { get; set; }
}

/// <summary>What the recipient is told after confirming: which sheet was received, and when.</summary>
public sealed record HandoverReceived(string Reference, Route Route, DateTimeOffset ReceivedAt);

/// <summary>
/// ConfirmHandoverReceipt: the recipient confirms through the one-time link that the sheet arrived, with their name
/// and organisation. That marks the route forwarded exactly as an officer's ConfirmForwarding does (channel: the link,
/// the partner: the balancing's recipient), including the purge when it is the last route; the link then answers 410.
/// </summary>
public static class ConfirmHandoverReceipt
{
    public const int NameMax = 200;

    public static async Task<Outcome<HandoverReceived>> HandleAsync(SignalChanges c, ClaimsPrincipal holder, string? token, HandoverReceiptRequest r, CancellationToken cancellationToken)
    {
        var found = await HandoverLinks.FindAsync(c.Db, token, cancellationToken);
        if (found is not { } f)
        {
            await c.Audit.RecordAsync(new AuditEntry("handover.received", AuditOutcome.Denied, "handover-link", null, "unknown"), cancellationToken);
            return Outcome<HandoverReceived>.NotFound();
        }

        if (HandoverLinks.StateOf(f.Link, f.Route, c.Now) != HandoverLinkState.Usable)
        {
            await c.Audit.RecordAsync(new AuditEntry("handover.received", AuditOutcome.Denied, "handover-link", null, "gone"), cancellationToken);
            return Outcome<HandoverReceived>.Gone();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TextRules.Check(errors, nameof(r.Name), r.Name, NameMax, c.T, required: true);
        TextRules.Check(errors, nameof(r.Organisation), r.Organisation, NameMax, c.T, required: true);
        if (errors.Count > 0)
        {
            return Outcome<HandoverReceived>.Invalid(errors);
        }

        var outcome = await RouteHandover.AfterCommitAsync(c, await c.RunAsync(holder, f.Link.SignalId, null, new HoldsHandoverLinkRequirement(f.Link, f.Route), "handover.received", async signal =>
        {
            var routes = await c.Db.DecisionRoutes.Where(x => x.SignalId == signal.Id).ToListAsync(cancellationToken);
            f.Link.ReceivedAt = c.Now;
            f.Link.ReceivedByName = TextRules.Clean(r.Name);
            f.Link.ReceivedByOrganisation = TextRules.Clean(r.Organisation);
            f.Link.Version = Guid.NewGuid();
            return await RouteHandover.CompleteAsync(c, signal, routes, f.Route, ForwardingChannel.HandoverLink, c.Now, f.Link.IssuedById, cancellationToken);
        }, cancellationToken), cancellationToken);
        return outcome.Kind == OutcomeKind.Ok
            ? Outcome<HandoverReceived>.Ok(new HandoverReceived(outcome.Value!.Reference, f.Route.Route, f.Link.ReceivedAt!.Value))
            : outcome.Failed<HandoverReceived>();
    }
}
