using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Infrastructure.Privacy;

/// <summary>
/// `keys rotate`: a new key becomes the default for new encryption; every data key of a signal or dossier is wrapped
/// again with it, and every encrypted value, the subject-index key with them, is read and written again: a value of an
/// owner with its owner's data key (which also moves data from before per-owner keys under them), any other value with
/// the new key. Old keys stay in the ring
/// (they still decrypt backups) until the operator removes them; see docs/security.md.
/// </summary>
public static class KeyRotation
{
    public static async Task<(Guid KeyId, int Values)> RotateAsync(IServiceProvider services, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var key = services.GetRequiredService<IKeyManager>().CreateNewKey(activationDate: now, expirationDate: now.AddDays(90));
        services.GetRequiredService<SubjectIndex>().Reprotect();

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var values = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The data keys are wrapped again with the new key; the values they encrypt need not change (envelope encryption).
        var ring = services.GetRequiredService<DataKeyRing>();
        foreach (var dataKey in await db.DataKeys.Where(k => k.WrappedKey != null).ToListAsync(cancellationToken))
        {
            dataKey.WrappedKey = ring.Rewrap(dataKey.WrappedKey!);
            values++;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        foreach (var entityType in db.Model.GetEntityTypes().Where(e => e.GetProperties().Any(PersonalDataProtection.IsEncrypted)))
        {
            var encrypted = entityType.GetProperties().Where(PersonalDataProtection.IsEncrypted).ToList();
            // Rows of one type at a time; each is decrypted on load and encrypted with the new default key on save.
            var rows = await QueryOf(db, entityType.ClrType).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var entry = db.Entry(row);
                foreach (var property in encrypted.Where(p => entry.Property(p.Name).CurrentValue is not null))
                {
                    entry.Property(property.Name).IsModified = true;
                    values++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(
            new AuditEntry("keys.rotated", AuditOutcome.Success, "data-protection-key", key.KeyId.ToString(), $"re-encrypted={values}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (key.KeyId, values);
    }

    private static IQueryable<object> QueryOf(DbContext db, Type clrType) =>
        (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(clrType).Invoke(db, null)!;
}
