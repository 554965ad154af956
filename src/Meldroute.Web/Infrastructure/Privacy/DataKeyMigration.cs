using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Infrastructure.Privacy;

/// <summary>
/// Puts the personal data stored before per-owner keys under them: every signal and dossier that still has data and
/// no key is loaded with all its parts, and each of its encrypted values is written again, which gives the owner its
/// key (<see cref="DataKeyWrites"/>) and encrypts the values with it. Runs at every start before the app serves;
/// idempotent, because an owner with a key is left alone. `keys rotate` does the same for whatever it finds.
/// </summary>
public static class DataKeyMigration
{
    public const string StartupDataName = "per-owner-data-keys";

    private const int Batch = 50;

    public static async Task<int> RunAsync(MeldrouteDbContext db, CancellationToken cancellationToken = default)
    {
        var moved = 0;
        while (true)
        {
            var signals = await db.Signals.Where(s => s.DataKeyId == null && s.DeletionReceipt == null)
                .OrderBy(s => s.Id).Include(s => s.People).Include(s => s.Attachments).AsSplitQuery().Take(Batch).ToListAsync(cancellationToken);
            var ids = signals.Select(s => s.Id).ToList();
            await db.AgendaItems.Where(a => ids.Contains(a.SignalId)).LoadAsync(cancellationToken);
            await db.BalancingOfInterests.Where(b => ids.Contains(b.SignalId)).LoadAsync(cancellationToken);
            await db.DecisionRoutes.Where(r => ids.Contains(r.SignalId)).LoadAsync(cancellationToken);
            var dossiers = await Features.VictimDossiers.VictimDossier.WithContent(db.VictimDossiers.Where(d => d.DataKeyId == null && d.DeletionReceipt == null))
                .OrderBy(d => d.Id).Take(Batch).ToListAsync(cancellationToken);
            if (signals.Count + dossiers.Count == 0)
            {
                return moved;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            MarkEncryptedValuesWritten(db);
            // Every owner gets its key even without a value to encrypt, so that the next batch does not find it again.
            foreach (var owner in signals.Cast<IDataKeyOwner>().Concat(dossiers).Where(o => o.DataKeyId is null))
            {
                var (row, key) = db.Protection.Keys.Create();
                if (row is not null)
                {
                    db.DataKeys.Add(row);
                }

                owner.DataKeyId = key.Id;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            moved += signals.Count + dossiers.Count;
        }
    }

    /// <summary>Marks every encrypted value of every tracked entity as written, so that the save encrypts it again with its owner's key.</summary>
    internal static void MarkEncryptedValuesWritten(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            foreach (var property in entry.Properties.Where(p => PersonalDataProtection.IsEncrypted(p.Metadata) && p.CurrentValue is not null))
            {
                property.IsModified = true;
            }
        }
    }
}
