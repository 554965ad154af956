using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Retention;

/// <summary>
/// Makes the data and their keys agree, at every start and in every retention run:
/// <list type="bullet">
/// <item>A signal or dossier whose key was destroyed while its data is still there comes from a database restored
/// from a backup taken before its purge (the keys are kept apart from the database and its backups). Its values
/// cannot be read any more; it is purged again, with the date the key was destroyed, so that it shows as purged
/// ("persoonsgegevens verwijderd op …") and not as a signal with empty fields.</item>
/// <item>A purged owner whose key is still there: on SQLite the key file commits apart from the database file, and a
/// crash between the two leaves the key. It is destroyed now.</item>
/// </list>
/// </summary>
public static class DataKeyReconciliation
{
    public const string StartupDataName = "data-keys-reconciled";

    /// <summary>The deletion rule of a signal purged again because its key was destroyed before the database was restored.</summary>
    public const string RestoredAfterPurgeRule = "data-key-destroyed";

    /// <summary>How many signals and dossiers were purged again, and how many left-over keys were destroyed.</summary>
    public static async Task<(int Purged, int KeysDestroyed)> RunAsync(MeldrouteDbContext db, AuditTrail audit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var destroyed = db.DataKeys.Where(k => k.DestroyedAt != null);
        var signals = await db.Signals.Where(s => s.DeletionReceipt == null && s.DataKeyId != null)
            .Join(destroyed, s => s.DataKeyId, k => (Guid?)k.Id, (s, k) => new { s.Id, k.DestroyedAt })
            .ToListAsync(cancellationToken);
        var dossiers = await db.VictimDossiers.Where(d => d.DeletionReceipt == null && d.DataKeyId != null)
            .Join(destroyed, d => d.DataKeyId, k => (Guid?)k.Id, (d, k) => new { d.Id, k.DestroyedAt })
            .ToListAsync(cancellationToken);
        foreach (var s in signals)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var signal = await db.Signals.SingleAsync(x => x.Id == s.Id, cancellationToken);
            var receipt = await SignalPurge.LoadAndApplyAsync(db, signal, RestoredAfterPurgeRule, s.DestroyedAt!.Value, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry("signal.purged", AuditOutcome.Success, "signal", signal.Reference, receipt.Summary()), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        foreach (var d in dossiers)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var dossier = await VictimDossiers.VictimDossier.WithContent(db.VictimDossiers).SingleAsync(x => x.Id == d.Id, cancellationToken);
            var receipt = VictimDossiers.DossierPurge.Apply(dossier, d.DestroyedAt!.Value);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry("dossier.purged", AuditOutcome.Success, VictimDossiers.VictimDossier.AuditObject, dossier.Reference, receipt.Summary()), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        var live = db.DataKeys.Where(k => k.WrappedKey != null);
        var leftOver = await db.Signals.Where(s => s.DeletionReceipt != null).Join(live, s => s.DataKeyId, k => (Guid?)k.Id, (s, k) => k)
            .Concat(db.VictimDossiers.Where(d => d.DeletionReceipt != null).Join(live, d => d.DataKeyId, k => (Guid?)k.Id, (d, k) => k))
            .ToListAsync(cancellationToken);
        foreach (var key in leftOver)
        {
            DataKeyRing.Destroy(key, now);
            db.Protection.Keys.Forget(key.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (signals.Count + dossiers.Count, leftOver.Count);
    }

    /// <summary>At start, before the app serves: a restored database never shows a purged signal as an open one.</summary>
    public static async Task<int> AtStartAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        var (purged, destroyed) = await RunAsync(db, new AuditTrail(db, TimeProvider.System, new HttpContextAccessor()), DateTimeOffset.UtcNow, cancellationToken);
        if (purged + destroyed > 0)
        {
            await DeletedPages.WipeAsync(db, cancellationToken);
        }

        return purged + destroyed;
    }
}
