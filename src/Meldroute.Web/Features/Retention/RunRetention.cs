using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Retention;

/// <summary>What a retention run did and found: counts only, never what a signal or meeting was about.</summary>
public sealed record RetentionResult(
    int Purged, int OnHold, int StuckInIntake, int DossiersPurged = 0, int AuditEventsRemoved = 0, int DecisionsNotForwarded = 0, int MeetingTitlesPurged = 0,
    int DraftsPurged = 0);

/// <summary>
/// Applies the retention rules: signals closed without action lose their personal data after the term (with a
/// deletion receipt and an audit event), closed victim dossiers lose their content after theirs, unless a legal hold
/// stops it; meetings past the same term as those signals lose their title; signals stuck in intake and decisions not
/// forwarded within the norm are counted for the officers' attention; unsent intake drafts go after 7 days; audit events older than their term are removed in
/// whole days behind a checkpoint, and the chain's head is anchored outside the database. Run daily by <see cref="RetentionJob"/> and on demand by `retention run`.
/// </summary>
public sealed class RunRetention(
    MeldrouteDbContext db, AuditTrail audit, AuditAnchor anchor, TimeProvider clock, IOptions<RetentionOptions> options,
    Municipalities.MunicipalityScope municipality, Municipalities.MunicipalityDirectory municipalities, ILogger<RunRetention> logger)
{
    /// <summary>
    /// The rules for each municipality in turn, with this unit of work scoped to it (its rows, its audit events); then
    /// what is the installation's: the audit chain's term, the wiped pages and the anchor.
    /// </summary>
    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        var auditRemoved = await audit.TrimAsync(RetentionRules.AuditKeptFrom(now, o), cancellationToken);
        var total = new RetentionResult(0, 0, 0, AuditEventsRemoved: auditRemoved);
        foreach (var each in municipalities.All)
        {
            municipality.Use(each.Id);
            db.ChangeTracker.Clear();
            var r = await RunForMunicipalityAsync(now, o, auditRemoved, cancellationToken);
            total = total with
            {
                Purged = total.Purged + r.Purged, OnHold = total.OnHold + r.OnHold, StuckInIntake = total.StuckInIntake + r.StuckInIntake,
                DossiersPurged = total.DossiersPurged + r.DossiersPurged, DecisionsNotForwarded = total.DecisionsNotForwarded + r.DecisionsNotForwarded,
                MeetingTitlesPurged = total.MeetingTitlesPurged + r.MeetingTitlesPurged, DraftsPurged = total.DraftsPurged + r.DraftsPurged,
            };
        }

        // Every run, not only when it purged: a checkpoint a busy reader held up after an earlier purge is made up here.
        await DeletedPages.WipeAsync(db, cancellationToken);
        if (!await DeletedPages.VacuumKeysAsync(db, cancellationToken))
        {
            logger.LogWarning("Retention run: a transaction older than the run was still open after {Wait}; destroyed data keys it could still read stay in the key table's file until the next run.", DeletedPages.OlderTransactionsWait);
        }

        // The run moved the chain's checkpoint and added events: the head goes outside the database too.
        await anchor.WriteAsync("retention", cancellationToken);
        return total;
    }

    private async Task<RetentionResult> RunForMunicipalityAsync(DateTimeOffset now, RetentionOptions o, int auditRemoved, CancellationToken cancellationToken)
    {
        _ = await DataKeyReconciliation.RunAsync(db, audit, now, cancellationToken);
        var candidates = await db.Signals.AsNoTracking()
            .Where(s => s.Status == SignalStatus.ClosedWithoutAction)
            .Select(s => new { s.Id, s.Status, s.ClosedAt, Purged = s.DeletionReceipt != null })
            .ToListAsync(cancellationToken);
        var held = await LegalHold.ActiveAsync(db, cancellationToken);
        int purged = 0, onHold = 0;
        foreach (var c in candidates.Where(c => RetentionRules.IsDue(c.Status, c.ClosedAt, c.Purged, onHold: false, now, o)))
        {
            if (held.ContainsKey(c.Id))
            {
                onHold++;
                continue;
            }

            await PurgeAsync(c.Id, now, cancellationToken);
            purged++;
        }

        var dossiers = await db.VictimDossiers.AsNoTracking()
            .Where(d => d.ClosedAt != null && d.DeletionReceipt == null)
            .Select(d => new { d.Id, d.ClosedAt }).ToListAsync(cancellationToken);
        var dossiersPurged = 0;
        foreach (var d in dossiers.Where(d => RetentionRules.DossierPurgeDueAt(d.ClosedAt, purged: false, o) <= now))
        {
            if (held.ContainsKey(d.Id))
            {
                onHold++;
                continue;
            }

            await PurgeDossierAsync(d.Id, now, cancellationToken);
            dossiersPurged++;
        }

        var meetingTitlesPurged = await PurgeMeetingTitlesAsync(held, now, o, cancellationToken);
        var draftsPurged = await Intake.IntakeDrafts.PurgeExpiredAsync(db, audit, now, cancellationToken);
        var open = await db.Signals.AsNoTracking()
            .Where(s => s.Status == SignalStatus.Received || s.Status == SignalStatus.InAnalysis || s.Status == SignalStatus.Decided)
            .Select(s => new { s.Status, s.ReceivedAt, s.DecidedAt }).ToListAsync(cancellationToken);
        var stuck = open.Select(s => RetentionRules.Stuck(s.Status, s.ReceivedAt, s.DecidedAt, now, o)).ToList();
        var (inIntake, notForwarded) = (stuck.Count(r => r == StuckReason.InIntake), stuck.Count(r => r == StuckReason.DecisionNotForwarded));
        await audit.RecordAsync(new AuditEntry("retention.run", AuditOutcome.Success, "retention", null,
            $"purged={purged}, dossiers-purged={dossiersPurged}, meeting-titles-purged={meetingTitlesPurged}, drafts-purged={draftsPurged}, on-hold={onHold}, stuck={inIntake}, not-forwarded={notForwarded}, audit-removed={auditRemoved}"), cancellationToken);
        return new RetentionResult(purged, onHold, inIntake, dossiersPurged, auditRemoved, notForwarded, meetingTitlesPurged, draftsPurged);
    }

    /// <summary>
    /// Clears the titles of meetings past their term (free text that may name someone); the column is required, so a
    /// cleared title is empty. A meeting with a held signal on its agenda keeps its title while the hold lasts.
    /// </summary>
    private async Task<int> PurgeMeetingTitlesAsync(Dictionary<Guid, Guid> held, DateTimeOffset now, RetentionOptions o, CancellationToken cancellationToken)
    {
        // Titles are encrypted: only after decrypting is it known which are cleared already. Past meetings are few (one or two a month).
        var due = (await db.CaseTableMeetings.Where(m => m.ScheduledAt <= now).ToListAsync(cancellationToken))
            .Where(m => m.Title.Length > 0 && RetentionRules.MeetingTitlePurgeDueAt(m.ScheduledAt, m.ClosedAt, o) <= now)
            .ToList();
        var ids = due.Select(m => m.Id).ToList();
        var heldMeetings = (await db.AgendaItems.AsNoTracking().Where(a => ids.Contains(a.MeetingId)).Select(a => new { a.MeetingId, a.SignalId }).ToListAsync(cancellationToken))
            .Where(a => held.ContainsKey(a.SignalId)).Select(a => a.MeetingId).ToHashSet();
        var cleared = 0;
        foreach (var meeting in due.Where(m => !heldMeetings.Contains(m.Id)))
        {
            meeting.Title = "";
            cleared++;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return cleared;
    }

    private async Task PurgeAsync(Guid signalId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var signal = await db.Signals.SingleAsync(s => s.Id == signalId, cancellationToken);
        var receipt = await SignalPurge.LoadAndApplyAsync(db, signal, RetentionRules.ClosedWithoutActionRule, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("signal.purged", AuditOutcome.Success, "signal", signal.Reference, receipt.Summary()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        MeldrouteMetrics.SignalPurged(RetentionRules.ClosedWithoutActionRule);
    }

    private async Task PurgeDossierAsync(Guid dossierId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dossier = await VictimDossiers.VictimDossier.WithContent(db.VictimDossiers).SingleAsync(d => d.Id == dossierId, cancellationToken);
        var receipt = VictimDossiers.DossierPurge.Apply(dossier, now);
        await Infrastructure.Privacy.DataKeyShredding.DestroyAsync(db, dossier.DataKeyId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("dossier.purged", AuditOutcome.Success, VictimDossiers.VictimDossier.AuditObject, dossier.Reference, receipt.Summary()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        MeldrouteMetrics.VictimDossierPurged();
    }
}
