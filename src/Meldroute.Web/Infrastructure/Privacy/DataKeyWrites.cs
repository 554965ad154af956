using System.Collections.Concurrent;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Features.VictimDossiers;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Meldroute.Web.Infrastructure.Privacy;

/// <summary>
/// Works out, for one save, which data key encrypts each personal value written: the value converter that encrypts it
/// sees the value only, so this hands it a map from each value (the very object, compared by reference) to its
/// owner's key. A signal's parts use the signal's key, a dossier's parts the dossier's; an owner that has no key yet
/// gets one, added to the same save. Values of entities that belong to no owner map to no key: the key ring encrypts
/// them. A value object shared by owners with different keys is copied first, so that each is encrypted with its own.
/// </summary>
internal sealed class DataKeyWrites(MeldrouteDbContext db)
{
    private static readonly ConcurrentDictionary<IReadOnlyEntityType, IProperty[]> EncryptedByType = new();
    private static readonly IReadOnlyDictionary<object, DataKeyMaterial?> Nothing = new Dictionary<object, DataKeyMaterial?>();

    private readonly List<(EntityEntry Entry, IProperty[] Properties)> pending = [];

    public void Note(EntityEntry entry)
    {
        var properties = EncryptedByType.GetOrAdd(entry.Metadata, _ => [.. entry.Metadata.GetProperties().Where(p => PersonalDataProtection.IsEncrypted(p))]);
        if (properties.Length > 0)
        {
            pending.Add((entry, properties));
        }
    }

    /// <summary>
    /// Called after the save's one pass over <c>ChangeTracker.Entries()</c>, which detected the changes already. Each
    /// <c>DbSet.Local</c> would scan every tracked entry again: per part of a batch of 32 submissions that was about
    /// 10% of a submission's CPU (measured with dotnet-trace, docs/performance.md). The save itself detects the
    /// changes made here (a new owner's DataKeyId) once more before it writes.
    /// </summary>
    public async Task<IReadOnlyDictionary<object, DataKeyMaterial?>> ResolveAsync(CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return Nothing;
        }

        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await ResolvePendingAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private async Task<IReadOnlyDictionary<object, DataKeyMaterial?>> ResolvePendingAsync(CancellationToken cancellationToken)
    {
        var values = new Dictionary<object, DataKeyMaterial?>(ReferenceEqualityComparer.Instance);
        var ownerKeys = new Dictionary<Guid, DataKeyMaterial>();
        var newKeys = new List<DataKey>();
        foreach (var (entry, properties) in pending)
        {
            var written = properties.Select(entry.Property).Where(p => p.CurrentValue is not null && (entry.State == EntityState.Added || p.IsModified)).ToList();
            if (written.Count == 0)
            {
                continue;
            }

            var key = await KeyOfAsync(entry.Entity, ownerKeys, newKeys, cancellationToken);
            foreach (var property in written)
            {
                var value = property.CurrentValue!;
                if (values.TryGetValue(value, out var other) && other?.Id != key?.Id && !IsEmpty(value))
                {
                    value = value is string text ? new string(text.AsSpan()) : ((byte[])value).ToArray();
                    property.CurrentValue = value;
                }

                values.TryAdd(value, key);
            }
        }

        db.DataKeys.AddRange(newKeys);
        return values;
    }

    private static bool IsEmpty(object value) => value is string { Length: 0 } or byte[] { Length: 0 };

    private async Task<DataKeyMaterial?> KeyOfAsync(object entity, Dictionary<Guid, DataKeyMaterial> ownerKeys, List<DataKey> newKeys, CancellationToken cancellationToken)
    {
        switch (entity)
        {
            case IDataKeyOwner owner:
                return OwnerKey(owner, ownerKeys, newKeys);
            case ISignalPart part:
                return OwnerKey(await OwnerAsync(db.Signals, part.SignalId, ownerKeys, cancellationToken), ownerKeys, newKeys);
            case IDossierPart part:
                return OwnerKey(await OwnerAsync(db.VictimDossiers, part.DossierId, ownerKeys, cancellationToken), ownerKeys, newKeys);
            default:
                return null;
        }
    }

    /// <summary>The owner, tracked (an owner without a key gets one, so it must be tracked); only its key column is read when the key is cached already.</summary>
    private static async Task<IDataKeyOwner> OwnerAsync<TOwner>(DbSet<TOwner> owners, Guid id, Dictionary<Guid, DataKeyMaterial> ownerKeys, CancellationToken cancellationToken)
        where TOwner : class, IDataKeyOwner
    {
        if (owners.Local.FindEntry(id)?.Entity is { } tracked)
        {
            return tracked;
        }

        if (ownerKeys.ContainsKey(id))
        {
            return new KnownOwner(id);
        }

        var keyId = await owners.Where(o => o.Id == id).Select(o => o.DataKeyId).FirstOrDefaultAsync(cancellationToken);
        return keyId is not null
            ? new KnownOwner(id) { DataKeyId = keyId }
            : await owners.FindAsync([id], cancellationToken) ?? throw new InvalidOperationException("A part was saved without its owner.");
    }

    private DataKeyMaterial OwnerKey(IDataKeyOwner owner, Dictionary<Guid, DataKeyMaterial> ownerKeys, List<DataKey> newKeys)
    {
        if (ownerKeys.TryGetValue(owner.Id, out var known))
        {
            return known;
        }

        DataKeyMaterial key;
        if (owner.DataKeyId is { } id)
        {
            key = db.Protection.Keys.Find(id)
                ?? throw new InvalidOperationException("The data key of this signal or dossier was destroyed with its personal data: nothing personal can be written to it again.");
        }
        else
        {
            (var row, key) = db.Protection.Keys.Create();
            if (row is not null)
            {
                newKeys.Add(row);
            }

            owner.DataKeyId = key.Id;
        }

        ownerKeys[owner.Id] = key;
        return key;
    }

    /// <summary>An owner of whom only the key is needed, without loading (and decrypting) it.</summary>
    private sealed class KnownOwner(Guid id) : IDataKeyOwner
    {
        public Guid Id => id;

        public Guid? DataKeyId { get; set; }
    }
}
