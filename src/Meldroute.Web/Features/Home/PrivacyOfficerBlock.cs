using System.Globalization;
using System.Security.Claims;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Home;

/// <summary>
/// The privacy officer's block: whether the audit chain still reaches its latest anchor outside the database (a cheap
/// check of the head against the anchor on every view, not a walk of the chain: the audit page does that), what was
/// purged in the last <see cref="WindowDays"/> days (by the deletion receipts; the audit log lists the same purges),
/// the purges due in the coming <see cref="WindowDays"/> days that no hold stops, and the legal holds in force.
/// </summary>
public static class PrivacyOfficerBlock
{
    /// <summary>The window of "this week": today and the six days before it, or today and the six after it.</summary>
    public const int WindowDays = 7;

    public static async Task<DashboardBlock> BuildAsync(DashboardServices s, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = s.Clock.GetUtcNow();
        var chain = await s.Anchor.StateAsync(s.Db, cancellationToken);
        DashboardItem audit = chain switch
        {
            { Break: { } broken } => new("audit-chain", null, s.T["Dashboard_AuditBroken", s.T["AuditBreak_" + broken]], "/Audit", Attention: true),
            { Anchor: { } anchor } => new("audit-chain", null, s.T["Dashboard_AuditIntact", anchor.AnchoredAt.ToLocalTime().ToString("g", CultureInfo.CurrentCulture), anchor.Sequence], "/Audit"),
            _ => new("audit-chain", null, s.T["Dashboard_AuditNoAnchor"], "/Audit"),
        };

        // From the start (UTC) of the first day of the window: the day the audit log's search starts from.
        var from = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-(WindowDays - 1));
        var since = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var purgedSignals = await s.Db.Signals.CountAsync(x => x.DeletionReceipt != null && x.DeletionReceipt.PurgedAt >= since, cancellationToken);
        var purgedDossiers = await s.Db.VictimDossiers.CountAsync(d => d.DeletionReceipt != null && d.DeletionReceipt.PurgedAt >= since, cancellationToken);
        var searchFrom = "&Query.From=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var due = (await ListUpcomingPurges.HandleAsync(s.Db, s.Retention.Value, cancellationToken)).Count(p => !p.OnHold && p.DueAt <= now.AddDays(WindowDays));
        var holds = await s.Db.LegalHolds.CountAsync(h => h.LiftedAt == null, cancellationToken);
        return new DashboardBlock(Roles.PrivacyOfficer, s.T["Role_" + Roles.PrivacyOfficer],
        [
            audit,
            new("purged-signals", purgedSignals, s.T.Plural("Dashboard_PurgedSignals", purgedSignals, WindowDays), "/Audit?Query.Action=signal.purged" + searchFrom),
            new("purged-dossiers", purgedDossiers, s.T.Plural("Dashboard_PurgedDossiers", purgedDossiers, WindowDays), "/Audit?Query.Action=dossier.purged" + searchFrom),
            new("purges-due", due, s.T.Plural("Dashboard_PurgesDue", due, WindowDays), "/Retention"),
            new("holds", holds, s.T.Plural("Dashboard_Holds", holds), "/Retention"),
        ]);
    }
}
