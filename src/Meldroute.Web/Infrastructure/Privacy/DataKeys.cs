using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Infrastructure.Privacy;

/// <summary>
/// The data key of one signal or one victim dossier (envelope encryption): 256 random bits that encrypt every personal
/// value of its owner, stored only wrapped by the installation's key ring. Purging the owner destroys it: the row stays
/// as a tombstone without the key, with the moment it was destroyed, so that a database restored from a backup taken
/// before the purge knows the owner's data is gone and when (<see cref="DataKeyReconciliation"/>). Every copy of the
/// owner's ciphertext anywhere (write-ahead log, free pages, dead tuples, backups, replicas) is unreadable from then on.
/// On SQLite the table lives in a file of its own in the key folder (<see cref="DataKeyStore.SqliteFileName"/>), never in
/// a copy of the database; on PostgreSQL it is a table of the database that backups leave out (docs/operations.md).
/// </summary>
public sealed class DataKey
{
    public Guid Id { get; set; }

    /// <summary>The key, encrypted by the key ring (purpose <see cref="DataKeyRing.WrapPurpose"/>); null once destroyed.</summary>
    public byte[]? WrappedKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DestroyedAt { get; set; }
}

/// <summary>A signal or a victim dossier: the owner of a data key.</summary>
public interface IDataKeyOwner
{
    Guid Id { get; }

    /// <summary>Null only for an owner stored before per-owner keys (until <see cref="DataKeyMigration"/> ran) or never written.</summary>
    Guid? DataKeyId { get; set; }
}

/// <summary>A part of a signal whose personal values are encrypted with the signal's data key.</summary>
public interface ISignalPart
{
    Guid SignalId { get; }
}

/// <summary>A part of a victim dossier whose personal values are encrypted with the dossier's data key.</summary>
public interface IDossierPart
{
    Guid DossierId { get; }
}

internal sealed class DataKeyConfiguration : IEntityTypeConfiguration<DataKey>
{
    public void Configure(EntityTypeBuilder<DataKey> builder)
    {
        builder.ToTable("DataKeys");
        builder.Property(k => k.Id).ValueGeneratedNever();
    }
}

/// <summary>
/// The values of personal data encrypted with a data key: AES-256-GCM with a random 96-bit nonce, the key's id bound
/// in as associated data. A value names its key, so a value converter (which sees no entity) can read it.
/// Text: <c>mr1.</c> + base64url(key id | nonce | tag | ciphertext). Bytes: the ASCII bytes <c>MRK1</c> + the same.
/// Values without that mark are the installation-key format of Data Protection (before per-owner keys, and data that
/// belongs to no signal or dossier).
/// </summary>
public static class EnvelopeCipher
{
    public const string TextPrefix = "mr1.";
    private static readonly byte[] BytesPrefix = "MRK1"u8.ToArray();
    private const int IdSize = 16, NonceSize = 12, TagSize = 16, Header = IdSize + NonceSize + TagSize;

    public static bool IsEnvelope(string value) => value.StartsWith(TextPrefix, StringComparison.Ordinal);

    public static bool IsEnvelope(byte[] value) => value.AsSpan().StartsWith(BytesPrefix);

    public static string Encrypt(DataKeyMaterial key, string plain)
    {
        var plainBytes = System.Text.Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[Header + plainBytes.Length];
        Seal(key, plainBytes, sealedBytes);
        return TextPrefix + Base64Url.EncodeToString(sealedBytes);
    }

    public static byte[] Encrypt(DataKeyMaterial key, byte[] plain)
    {
        var result = new byte[BytesPrefix.Length + Header + plain.Length];
        BytesPrefix.CopyTo(result, 0);
        Seal(key, plain, result.AsSpan(BytesPrefix.Length));
        return result;
    }

    public static Guid KeyIdOf(string value) => new(Base64Url.DecodeFromChars(value.AsSpan(TextPrefix.Length, 24)).AsSpan(0, IdSize));

    public static Guid KeyIdOf(byte[] value) => new(value.AsSpan(BytesPrefix.Length, IdSize));

    public static string Decrypt(DataKeyMaterial key, string value) =>
        System.Text.Encoding.UTF8.GetString(Open(key, Base64Url.DecodeFromChars(value.AsSpan(TextPrefix.Length))));

    public static byte[] Decrypt(DataKeyMaterial key, byte[] value) => Open(key, value.AsSpan(BytesPrefix.Length));

    private static void Seal(DataKeyMaterial key, ReadOnlySpan<byte> plain, Span<byte> output)
    {
        key.Id.TryWriteBytes(output[..IdSize]);
        var nonce = output.Slice(IdSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Key, TagSize);
        aes.Encrypt(nonce, plain, output[Header..], output.Slice(IdSize + NonceSize, TagSize), output[..IdSize]);
    }

    private static byte[] Open(DataKeyMaterial key, ReadOnlySpan<byte> sealedBytes)
    {
        var plain = new byte[sealedBytes.Length - Header];
        using var aes = new AesGcm(key.Key, TagSize);
        aes.Decrypt(sealedBytes.Slice(IdSize, NonceSize), sealedBytes[Header..], sealedBytes.Slice(IdSize + NonceSize, TagSize), plain, sealedBytes[..IdSize]);
        return plain;
    }
}

/// <summary>An unwrapped data key, in memory only.</summary>
public sealed record DataKeyMaterial(Guid Id, byte[] Key);

/// <summary>
/// Reads a wrapped data key past EF Core: the value converter that needs it runs inside a query and has no context.
/// SQLite: the key file in the key folder; PostgreSQL: the table, on a connection of its own.
/// </summary>
public abstract class DataKeyStore
{
    /// <summary>The file of the data keys on SQLite, in the key folder (Meldroute:KeysPath) beside the key ring.</summary>
    public const string SqliteFileName = "data-keys.db";

    /// <summary>The wrapped key, or null when it was destroyed or is not there.</summary>
    public abstract byte[]? ReadWrapped(Guid id);

    /// <summary>The key file on SQLite (attached to every connection of the app as schema <c>keys</c>); null on PostgreSQL.</summary>
    public virtual string? SqliteFile => null;

    internal sealed class Sqlite(string file, bool storesAhead = true) : DataKeyStore
    {
        private readonly string connectionString = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 10 }.ToString();

        public override string? SqliteFile => file;

        /// <summary>
        /// Whether new keys are stored ahead of use, in batches (<see cref="StoreAhead"/>), instead of in the transaction
        /// of the owner that first uses one. A transaction that writes the key file too commits two files, which is a
        /// second fsync: measured on this project's machine (benchmarks/sqlite-two-files.py), 0.38 ms a commit became
        /// 0.79 ms. On PostgreSQL the key table is in the same database and costs nothing extra.
        /// </summary>
        public bool StoresAhead => storesAhead;

        /// <summary>
        /// The connection string of the database this key file is attached to (set at the first attach). A write
        /// transaction there holds the key file's write lock too (BEGIN IMMEDIATE locks every attached file), so a batch
        /// written beside it would meet a locked file and sleep in SQLite's busy handler, and a submission that began
        /// while a batch held the file would sleep the same way while holding the app's write turn, stalling every
        /// writer behind it. A batch therefore takes its turn at that database's <see cref="Data.SqliteWriteGate"/>.
        /// </summary>
        internal string? AttachedTo { get; set; }

        /// <summary>Stores keys that are not used yet, in one transaction of their own; durable when this returns (a missing key file is a <see cref="System.Data.Common.DbException"/>).</summary>
        public async Task StoreAheadAsync(IReadOnlyList<DataKey> rows)
        {
            var gate = AttachedTo is { } main ? Data.SqliteWriteGate.GateFor(main) : null;
            // As the app's own writers do: past the gate's longest wait the batch leaves it to SQLite's lock.
            var turn = gate is not null && await gate.WaitAsync(Data.SqliteWriteGate.MaxWait);
            try
            {
                StoreAhead(rows);
            }
            finally
            {
                if (turn)
                {
                    gate!.Release();
                }
            }
        }

        /// <summary>One converter for the app's life: each new one compiles its conversion again at first use.</summary>
        private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter CreatedAtConverter = new();

        private void StoreAhead(IReadOnlyList<DataKey> rows)
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
            connection.Open();
            using (var setup = connection.CreateCommand())
            {
                setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA secure_delete=ON; " + DataKeyAttach.CreateTable.Replace("keys.", "", StringComparison.Ordinal);
                setup.ExecuteNonQuery();
            }

            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO \"DataKeys\" (\"Id\", \"WrappedKey\", \"CreatedAt\") VALUES ($id, $key, $at)";
            var (id, key, at) = (insert.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text), insert.Parameters.Add("$key", Microsoft.Data.Sqlite.SqliteType.Blob), insert.Parameters.Add("$at", Microsoft.Data.Sqlite.SqliteType.Integer));
            foreach (var row in rows)
            {
                // As EF Core stores them on SQLite: a Guid as upper-case text, a DateTimeOffset as its binary number.
                id.Value = row.Id.ToString().ToUpperInvariant();
                key.Value = row.WrappedKey;
                at.Value = CreatedAtConverter.ConvertToProvider(row.CreatedAt);
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        public override byte[]? ReadWrapped(Guid id)
        {
            if (!File.Exists(file))
            {
                return null;
            }

            using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"WrappedKey\" FROM \"DataKeys\" WHERE \"Id\" = $id";
            // EF Core stores a Guid on SQLite as upper-case text.
            command.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
            try
            {
                return command.ExecuteScalar() as byte[];
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                return null; // no table yet: no key
            }
        }
    }

    internal sealed class Postgres(string connectionString) : DataKeyStore
    {
        private readonly Npgsql.NpgsqlDataSource source = Npgsql.NpgsqlDataSource.Create(connectionString);

        public override byte[]? ReadWrapped(Guid id)
        {
            using var command = source.CreateCommand("SELECT \"WrappedKey\" FROM \"DataKeys\" WHERE \"Id\" = $1");
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
            try
            {
                return command.ExecuteScalar() as byte[];
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
            {
                return null; // database not migrated yet
            }
        }
    }
}

/// <summary>
/// Makes, wraps, unwraps and forgets data keys. An unwrapped key is kept in memory for a few minutes, so that reading a
/// signal unwraps its key once, not once per field (the key ring itself is kept in memory the same way); destroying
/// a key removes it at once.
/// </summary>
public sealed class DataKeyRing(IDataProtectionProvider provider, DataKeyStore store, TimeProvider clock) : IDisposable
{
    public const string WrapPurpose = "Meldroute.DataKey.v1";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private const int MaxCached = 20_000;
    private readonly IDataProtector wrapper = provider.CreateProtector(WrapPurpose);
    private readonly ConcurrentDictionary<Guid, (DataKeyMaterial Key, DateTimeOffset Until)> cache = new();

    public DataKeyStore Store => store;

    /// <summary>
    /// Keys stored ahead in one batch (SQLite): one transaction of the key file, and one flush to disk, per this many new
    /// owners. The batch holds the app's write turn while it commits, so every flush it saves is a pause the intake's
    /// writer no longer waits for. Refilled at half, so that two full batches of the intake writer
    /// (<see cref="Features.Intake.IntakeWriter.MaxBatch"/>) find their keys stored already.
    /// </summary>
    public const int AheadBatch = 256;

    /// <summary>The SQLite store when it stores keys ahead; null otherwise (PostgreSQL, ephemeral).</summary>
    private readonly DataKeyStore.Sqlite? aheadStore = store is DataKeyStore.Sqlite { StoresAhead: true } sqlite ? sqlite : null;
    private readonly ConcurrentQueue<DataKeyMaterial> ahead = new();
    private int refilling;
    private Task refill = Task.CompletedTask;
    private bool stopped;

    /// <summary>Orders a batch's start against the app's stop, so that no batch starts after Dispose looked for one.</summary>
    private readonly Lock stopping = new();

    /// <summary>When the app stops: no new batch, and the one being written is finished before the key file is let go.</summary>
    public void Dispose()
    {
        Task last;
        lock (stopping)
        {
            stopped = true;
            last = refill;
        }

        last.Wait(TimeSpan.FromSeconds(15));
    }

    /// <summary>
    /// A new key, and its row to add to the owner's unit of work; the row is null when the key was stored ahead
    /// (<see cref="DataKeyStore.Sqlite.StoresAhead"/>). Keys stored ahead and never used (an app that stops) are random bytes
    /// that encrypt nothing.
    /// </summary>
    public (DataKey? Row, DataKeyMaterial Key) Create()
    {
        if (aheadStore is not null)
        {
            var found = ahead.TryDequeue(out var stored);
            RefillIfLow();
            if (found)
            {
                Remember(stored!);
                return (null, stored!);
            }
        }

        // None stored ahead (PostgreSQL, or the batch is still being written): the key goes in with its owner.
        var (row, material) = New();
        Remember(material);
        return (row, material);
    }

    /// <summary>
    /// Writes a batch of keys ahead, in the background: the caller is inside its own transaction, which holds the write
    /// turn the batch waits for (<see cref="DataKeyStore.Sqlite.AttachedTo"/>), so the batch must not be waited for.
    /// </summary>
    private void RefillIfLow()
    {
        if (aheadStore is null || ahead.Count >= AheadBatch / 2 || Interlocked.Exchange(ref refilling, 1) == 1)
        {
            return;
        }

        lock (stopping)
        {
            if (stopped)
            {
                Volatile.Write(ref refilling, 0);
                return;
            }

            refill = Task.Run(async () =>
            {
                try
                {
                    var batch = Enumerable.Range(0, AheadBatch).Select(_ => New()).ToList();
                    await aheadStore.StoreAheadAsync([.. batch.Select(b => b.Row)]);
                    foreach (var (_, key) in batch)
                    {
                        ahead.Enqueue(key);
                    }
                }
                catch (System.Data.Common.DbException)
                {
                    // The key file was busy past its timeout or is gone (an app being stopped): keys are made with their
                    // owners meanwhile, and the next new owner tries again.
                }
                finally
                {
                    Volatile.Write(ref refilling, 0);
                }
            });
        }
    }

    /// <summary>
    /// A new key with its row, for a writer that stores the row itself in the transaction of its owners (seed-load's bulk
    /// insert); never one stored ahead, and not kept in the cache.
    /// </summary>
    public (DataKey Row, DataKeyMaterial Key) CreateWithRow() => New();

    private (DataKey Row, DataKeyMaterial Key) New()
    {
        var material = new DataKeyMaterial(Guid.CreateVersion7(), RandomNumberGenerator.GetBytes(32));
        return (new DataKey { Id = material.Id, WrappedKey = wrapper.Protect(material.Key), CreatedAt = clock.GetUtcNow() }, material);
    }

    /// <summary>The key, or null when it was destroyed or is missing (its values then read as null).</summary>
    public DataKeyMaterial? Find(Guid id)
    {
        if (cache.TryGetValue(id, out var cached) && cached.Until > clock.GetUtcNow())
        {
            return cached.Key;
        }

        var wrapped = store.ReadWrapped(id);
        if (wrapped is null)
        {
            cache.TryRemove(id, out _);
            return null;
        }

        var material = new DataKeyMaterial(id, wrapper.Unprotect(wrapped));
        Remember(material);
        return material;
    }

    /// <summary>Wraps a key again with the ring's current default key (<c>keys rotate</c>).</summary>
    public byte[] Rewrap(byte[] wrapped) => wrapper.Protect(wrapper.Unprotect(wrapped));

    /// <summary>Destroys the key in the caller's unit of work: the tombstone keeps when, not what.</summary>
    public static void Destroy(DataKey row, DateTimeOffset at)
    {
        row.WrappedKey = null;
        row.DestroyedAt ??= at;
    }

    public void Forget(Guid id) => cache.TryRemove(id, out _);

    private void Remember(DataKeyMaterial material)
    {
        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }

        cache[material.Id] = (material, clock.GetUtcNow() + Lifetime);
    }
}

/// <summary>Destroys an owner's data key in the caller's transaction; the caller saves.</summary>
public static class DataKeyShredding
{
    public static async Task DestroyAsync(MeldrouteDbContext db, Guid? keyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (keyId is not { } id)
        {
            return;
        }

        if (await db.DataKeys.FindAsync([id], cancellationToken) is { } row)
        {
            DataKeyRing.Destroy(row, at);
        }

        db.Protection.Keys.Forget(id);
    }
}

/// <summary>
/// On SQLite, attaches the key file to every new physical connection as schema <c>keys</c>, so that the owner's data
/// and the destruction of its key commit in one transaction (SQLite resolves the table <c>DataKeys</c>, which the main
/// file does not have, in the attached file). The file has its own write-ahead log; secure_delete is inherited from
/// the main connection's setting (DatabaseSetup sets it first). The table is made here because the file is not the
/// database's: migrations leave it out (<c>ExcludeFromMigrations</c> on SQLite).
/// </summary>
internal sealed class DataKeyAttach : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    internal const string CreateTable =
        "CREATE TABLE IF NOT EXISTS keys.\"DataKeys\" (\"Id\" TEXT NOT NULL CONSTRAINT \"PK_DataKeys\" PRIMARY KEY, \"WrappedKey\" BLOB NULL, \"CreatedAt\" INTEGER NOT NULL, \"DestroyedAt\" INTEGER NULL);";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Attached = [];

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        if (Needs(connection, eventData, out var handle, out var file))
        {
            using var command = Command(connection, file);
            command.ExecuteNonQuery();
            Attached.AddOrUpdate(handle, handle);
        }
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Needs(connection, eventData, out var handle, out var file))
        {
            await using var command = Command(connection, file);
            await command.ExecuteNonQueryAsync(cancellationToken);
            Attached.AddOrUpdate(handle, handle);
        }
    }

    private static System.Data.Common.DbCommand Command(System.Data.Common.DbConnection connection, string file)
    {
        var command = connection.CreateCommand();
        command.CommandText = "ATTACH DATABASE $file AS keys; PRAGMA keys.journal_mode=WAL; " + CreateTable;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$file";
        parameter.Value = file;
        command.Parameters.Add(parameter);
        return command;
    }

    private static bool Needs(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, out object handle, out string file)
    {
        handle = null!;
        file = null!;
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection sqlite || eventData.Context is not MeldrouteDbContext { Protection.Keys.Store.SqliteFile: { } keyFile })
        {
            return false;
        }

        // EF Core checks that the database exists with a read-only connection of its own; it reads no keys, and the
        // attach (which creates the key table) would fail on it, making the database look absent.
        if (new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode == Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly)
        {
            return false;
        }

        handle = sqlite.Handle!;
        file = keyFile;
        if (((MeldrouteDbContext)eventData.Context!).Protection.Keys.Store is DataKeyStore.Sqlite store)
        {
            store.AttachedTo ??= sqlite.ConnectionString;
        }

        if (Attached.TryGetValue(handle, out _))
        {
            return false;
        }

        // The key folder may not exist yet on a first start (Data Protection creates it only when it makes a key).
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return true;
    }
}
