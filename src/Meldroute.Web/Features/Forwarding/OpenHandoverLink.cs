using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Forwarding;

/// <summary>
/// OpenHandoverLink: the recipient opens a one-time link and sees that route's sheet, on the page, as PDF or as JSON.
/// A link that is used, expired, replaced or whose route went by another channel answers 410 and shows nothing; an
/// unknown token 404. Every opening is audited by the signal's reference and route, never by the token.
/// </summary>
public static class OpenHandoverLink
{
    public static async Task<Outcome<HandoverSheet>> HandleAsync(SignalChanges c, MeldrouteOptions options, string? token, string purpose, CancellationToken cancellationToken)
    {
        var found = await HandoverLinks.FindAsync(c.Db, token, cancellationToken);
        if (found is not { } f)
        {
            await c.Audit.RecordAsync(new AuditEntry("handover.link.opened", AuditOutcome.Denied, "handover-link", null, purpose + ":unknown"), cancellationToken);
            return Outcome<HandoverSheet>.NotFound();
        }

        var signal = await Signal.LoadAsync(c.Db, f.Link.SignalId, cancellationToken);
        if (signal is null || HandoverLinks.StateOf(f.Link, f.Route, c.Now) != HandoverLinkState.Usable)
        {
            await c.Audit.RecordAsync(new AuditEntry("handover.link.opened", AuditOutcome.Denied, "signal", signal?.Reference, purpose + ":gone"), cancellationToken);
            return Outcome<HandoverSheet>.Gone();
        }

        await using var transaction = await c.Db.Database.BeginTransactionAsync(cancellationToken);
        var now = c.Now;
        // Counted in SQL: two openings at once must both count, without a concurrency conflict on the link.
        await c.Db.HandoverLinks.Where(l => l.Id == f.Link.Id).ExecuteUpdateAsync(
            u => u.SetProperty(l => l.Openings, l => l.Openings + 1).SetProperty(l => l.FirstOpenedAt, l => l.FirstOpenedAt ?? now), cancellationToken);
        await c.Audit.RecordAsync(new AuditEntry("handover.link.opened", AuditOutcome.Success, "signal", signal.Reference, purpose + ":" + f.Route.Route), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<HandoverSheet>.Ok(await PrepareForwarding.BuildAsync(c.Db, signal, f.Route, await Municipalities.CurrentMunicipality.NameAsync(c.Db, cancellationToken), now, cancellationToken));
    }
}
