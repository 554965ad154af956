using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Meldroute.LoadFloor;

/// <summary>
/// SubmitSignal's floor: what a hand-written best program does with the same work and the same durability as the app.
///
/// Per submission it writes what the app's SubmitSignal writes (src/Meldroute.Web/Features/Intake/SubmitSignal.cs,
/// StoreBatchAsync, and the save path in MeldrouteDbContext.SaveChangesAsync / DataKeyWrites):
/// <list type="bullet">
/// <item>the signal row, with its personal texts (description, location detail) AES-256-GCM encrypted under the signal's
/// own data key in the app's envelope format (<c>mr1.</c> + key id, nonce, tag, ciphertext), its inbox rank and
/// figure columns (ReceivedMonth), and its data key's id; it and every other row below that the app stamps with its
/// municipality carry the installation's first (MunicipalityId 1, the one a single-municipality installation has);</item>
/// <item>one row per person, each personal value encrypted the same way, with the keyed hash of the name for subject access
/// (HMAC-SHA256, SubjectIndex);</item>
/// <item>the signal's data key row (crypto-shredding), 32 random bytes wrapped by an installation key (AES-256-GCM):
/// on SQLite stored ahead in batches in a key file of its own, durable before the signals that use them, as the app
/// stores its keys ahead (DataKeyRing, data-keys.db); on PostgreSQL in the signal's transaction, in "DataKeys", as the app;</item>
/// <item>the idempotency record (user, SHA-256 of the Idempotency-Key, SHA-256 of the body, signal);</item>
/// <item>the reference number: on SQLite the year's counter row moved on once per batch (SignalReferenceCounters, shared
/// with the app), on PostgreSQL the year's sequence (signal_reference_YYYY, made as the app makes it);</item>
/// <item>the audit event "signal.submitted" with actor, role, purpose, correlation id and client address: on SQLite linked
/// into the hash chain in the batch's transaction (the app's canonical JSON and SHA-256, so `audit verify` still holds),
/// with the chain head updated once per batch; on PostgreSQL stored pending in the batch's transaction and linked after
/// the commit under the chain's advisory lock with synchronous_commit off, coalesced across writers, before the
/// request is answered — exactly the app's AuditChainer, because linking inside the batch would hold the head's lock
/// through every commit and serialise the pool.</item>
/// </list>
/// It leaves out: validation and the request checks (the floor trusts its input), authentication and authorization,
/// the officers' notification mails (off in the benchmark, as in the app's default configuration: no outbox row),
/// attachments (only the mailbox importer has them), the app's retry of a failed batch one submission at a time (the
/// floor's keys never repeat, so its batches do not fail), and Data Protection: the app wraps each data key with ASP.NET Core
/// Data Protection's key ring, the floor with one AES-GCM key in memory — the same kind and amount of cryptography per
/// submission without a key ring.
///
/// Batching: concurrent submissions wait in a channel; a writer takes all that wait (up to <see cref="MaxBatch"/>, the
/// app's IntakeWriter.MaxBatch) and stores them in one transaction, and answers each request after that commit. On SQLite
/// one writer on one connection with prepared statements (SQLite has one writer per file: more would queue on its lock);
/// on PostgreSQL a pool of writers (<see cref="PostgresWriters"/> by default, Floor:Writers), each on its own pooled
/// connection, whose batches commit in parallel, each in one round trip after the reference numbers.
///
/// Durability: the same as the app's. SQLite: the app's pragmas (<see cref="SqlitePragmas"/>: WAL, secure_delete,
/// foreign keys, busy timeout, temp store in memory); neither sets <c>synchronous</c>, so both run on the library's
/// default for WAL (FULL in SQLitePCLRaw's e_sqlite3: every commit is flushed to disk). PostgreSQL: the cluster's
/// synchronous_commit (on) for the submission's transaction; off only for the chain's link, as in the app, whose events
/// are on disk already as pending rows.
/// </summary>
internal abstract class SubmitFloor : IAsyncDisposable
{
    public const int MaxBatch = 64;
    public const int PostgresWriters = 4;

    /// <summary>As the app sets them on every new connection (DatabaseSetup.SqlitePragmas.Pragmas).</summary>
    public const string SqlitePragmas = "PRAGMA journal_mode=WAL; PRAGMA secure_delete=ON; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY;";

    /// <summary>The audit chain's advisory lock on PostgreSQL (WriteLock.AuditChain in the app): the app's sweep and the floor's linker take turns.</summary>
    private const long AuditChainLock = 0x4d52_4155_4449_54;

    private const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Prepared = [];

    private readonly Channel<Submission> queue;
    private readonly Task[] writers;
    private readonly byte[] wrappingKey = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] subjectKey = RandomNumberGenerator.GetBytes(32);

    protected SubmitFloor(int writerCount)
    {
        queue = Channel.CreateUnbounded<Submission>(new UnboundedChannelOptions { SingleReader = writerCount == 1 });
        writers = [.. Enumerable.Range(0, writerCount).Select(_ => Task.Run(WriteAsync))];
    }

    public static SubmitFloor OnSqlite(string connectionString, string? keyFile)
    {
        var file = keyFile ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource))!, "floor-data-keys.db");
        return new Sqlite(connectionString, file);
    }

    public static SubmitFloor OnPostgres(string connectionString, int writers) => new Postgres(connectionString, Math.Max(1, writers));

    /// <summary>The app's pragmas, once per physical connection (as its interceptor).</summary>
    public static void PrepareSqlite(SqliteConnection connection)
    {
        if (connection.Handle is { } handle && !Prepared.TryGetValue(handle, out _))
        {
            using var pragma = connection.CreateCommand();
            pragma.CommandText = SqlitePragmas;
            pragma.ExecuteNonQuery();
            Prepared.AddOrUpdate(handle, handle);
        }
    }

    public Task<object> SubmitAsync(Submission submission, CancellationToken cancellationToken)
    {
        if (!queue.Writer.TryWrite(submission))
        {
            throw new InvalidOperationException("The floor is stopping.");
        }

        // The app answers a cancelled request's submission as it does (it is stored when its batch began before the cancel).
        return submission.Done.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.WhenAll(writers);
        await DisposeStoreAsync();
    }

    protected abstract Task<IReadOnlyList<object>> StoreAsync(List<Submission> batch);

    protected virtual ValueTask DisposeStoreAsync() => ValueTask.CompletedTask;

    private async Task WriteAsync()
    {
        var batch = new List<Submission>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count == 0)
            {
                continue; // another writer took them
            }

            try
            {
                var answers = await StoreAsync(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(answers[i]);
                }
            }
            catch (Exception e)
            {
                foreach (var submission in batch)
                {
                    submission.Done.TrySetException(e);
                }
            }
        }
    }

    // ---- what every submission turns into, the same on both databases ----

    /// <summary>A new data key: its id, the key, and the key wrapped by the installation key (nonce | tag | ciphertext).</summary>
    protected (Guid Id, byte[] Key, byte[] Wrapped) NewDataKey()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var id = Guid.CreateVersion7();
        var wrapped = new byte[12 + 16 + key.Length];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, 12));
        using var aes = new AesGcm(wrappingKey, 16);
        aes.Encrypt(wrapped.AsSpan(0, 12), key, wrapped.AsSpan(28), wrapped.AsSpan(12, 16), id.ToByteArray());
        return (id, key, wrapped);
    }

    /// <summary>The rows of one submission, its values encrypted under its data key, ready for either database.</summary>
    protected Rows Build(Submission submission, Guid dataKeyId, byte[] dataKey)
    {
        var s = submission.Signal;
        using var aes = new AesGcm(dataKey, 16);
        string? Seal(string? plain) => string.IsNullOrWhiteSpace(plain) ? null : Envelope(aes, dataKeyId, plain.Trim());
        var id = Guid.CreateVersion7();
        var people = (s.People ?? []).Select((p, i) => new PersonRow(
            Guid.CreateVersion7(), Enum(p.Role, Roles), Seal(p.Name), Seal(p.Age), Enum(p.Minor, Minors), Seal(p.Nationality), Seal(p.Language), Seal(p.Contact), i,
            string.IsNullOrWhiteSpace(p.Name) ? null : Convert.ToHexStringLower(HMACSHA256.HashData(subjectKey, Encoding.UTF8.GetBytes(p.Name.Trim().ToLowerInvariant()))))).ToList();
        return new Rows(
            id, dataKeyId, submission.ReceivedAt, (submission.ReceivedAt.Year * 100) + submission.ReceivedAt.Month, s.AcuteDanger, s.AcuteDanger ? 0 : 2,
            Seal(s.Description), s.ObservedOn, Enum(s.LocationType, Locations), Seal(s.LocationDetail),
            (s.Forms ?? []).Aggregate(0, (all, f) => all | f switch { "Sexual" => 1, "Labour" => 2, "Criminal" => 4, _ => 8 }),
            string.Join(',', (s.IndicatorCodes ?? []).Select(c => c.Trim().ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal)),
            (s.People ?? []).Any(p => p.Minor == "Yes"), people);
    }

    /// <summary>The app's envelope format (EnvelopeCipher): <c>mr1.</c> + base64url(key id | nonce | tag | ciphertext), the key id bound in.</summary>
    private static string Envelope(AesGcm aes, Guid keyId, string plain)
    {
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[16 + 12 + 16 + plainBytes.Length];
        var output = sealedBytes.AsSpan();
        keyId.TryWriteBytes(output[..16]);
        RandomNumberGenerator.Fill(output.Slice(16, 12));
        aes.Encrypt(output.Slice(16, 12), plainBytes, output[44..], output.Slice(28, 16), output[..16]);
        return "mr1." + System.Buffers.Text.Base64Url.EncodeToString(sealedBytes);
    }

    protected static string Reference(int year, long number) => string.Create(CultureInfo.InvariantCulture, $"MR-{year}-{number:0000}");

    /// <summary>The audit event's hash as the app computes it (AuditChain.ComputeHash): SHA-256 over a JSON array of every field and the previous hash.</summary>
    protected static string AuditHash(long sequence, DateTimeOffset at, Submission s, string reference, string previous) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new object?[]
        {
            sequence, at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), Actor, ActorRole, "signal.submitted", "signal", reference,
            "success", "intake:InternalReport", s.CorrelationId, s.ClientAddress, previous,
        }))));

    /// <summary>Whole milliseconds in UTC, as the app stores and hashes an event's time (AuditChain.Normalize).</summary>
    protected static DateTimeOffset Normalize(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    protected const string Actor = "floor";
    protected const string ActorRole = "Reporter";

    private static readonly string[] Locations = ["Hotel", "HolidayPark", "ShortStayRental", "PrivateHome", "MassageSalon", "CompanyOrDistributionCentre", "EmploymentAgency", "FarmOrGreenhouse", "School", "StreetOrPublicSpace", "Schiphol", "Online", "Other"];
    private static readonly string[] Roles = ["PossibleVictim", "PossibleExploiter", "Other"];
    private static readonly string[] Minors = ["Unknown", "Yes", "No"];

    private static int Enum(string? name, string[] names) => Math.Max(0, Array.IndexOf(names, name));

    protected static object Db(object? value) => value ?? DBNull.Value;

    protected sealed record PersonRow(Guid Id, int Role, string? Name, string? Age, int Minor, string? Nationality, string? Language, string? Contact, int SortOrder, string? SubjectHash);

    protected sealed record Rows(
        Guid Id, Guid DataKeyId, DateTimeOffset ReceivedAt, int ReceivedMonth, bool AcuteDanger, int InboxRank, string? Description, DateOnly? ObservedOn,
        int LocationType, string? LocationDetail, int Forms, string IndicatorCodes, bool InvolvesMinor, List<PersonRow> People);

    protected static object Answer(Rows rows, string reference) => new { id = rows.Id, reference, status = "Received" };

    private const string InsertSignal = """
        INSERT INTO "Signals" ("Id", "DataKeyId", "Reference", "SubmittedById", "ReceivedAt", "LastChangedAt", "ReceivedMonth", "Source", "Status", "Urgency",
            "AcuteDanger", "Description", "ObservedOn", "LocationType", "LocationDetail", "Forms", "ClassifiedForms", "IndicatorCodes",
            "ConfirmedIndicatorCodes", "InvolvesMinor", "Version", "InboxRank", "MunicipalityId")
        VALUES (@id, @key, @reference, @by, @at, @at, @month, 0, 0, 0, @danger, @description, @observed, @location, @detail, @forms, 0, @codes, '', @minor, @version, @rank, 1)
        """;

    private const string InsertPerson = """
        INSERT INTO "SignalPeople" ("Id", "SignalId", "Role", "NameOrDescription", "Age", "Minor", "Nationality", "Language", "ContactDetails", "SortOrder", "SubjectHash", "MunicipalityId")
        VALUES (@id, @signal, @role, @name, @age, @minor, @nationality, @language, @contact, @order, @hash, 1)
        """;

    private const string InsertIdempotency = """
        INSERT INTO "IdempotencyRecords" ("UserId", "KeyHash", "BodyHash", "SignalId", "CreatedAt", "MunicipalityId") VALUES (@user, @key, @body, @signal, @at, 1)
        """;

    /// <summary>SQLite: one writer on one connection, prepared statements reused for every row, one transaction per batch.</summary>
    private sealed class Sqlite : SubmitFloor
    {
        private readonly SqliteConnection connection;
        private readonly SqliteConnection keys;
        private readonly Queue<(Guid Id, byte[] Key)> storedAhead = new();
        private readonly SqliteCommand counter, head, setHead, signal, person, idempotency, audit, key;

        public Sqlite(string connectionString, string keyFile)
            : base(1)
        {
            connection = new SqliteConnection(connectionString);
            connection.Open();
            PrepareSqlite(connection);
            keys = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = keyFile, DefaultTimeout = 10 }.ToString());
            keys.Open();
            using (var setup = keys.CreateCommand())
            {
                // The app's key file: WAL, secure_delete, the same table.
                setup.CommandText = """
                    PRAGMA journal_mode=WAL; PRAGMA secure_delete=ON;
                    CREATE TABLE IF NOT EXISTS "DataKeys" ("Id" TEXT NOT NULL CONSTRAINT "PK_DataKeys" PRIMARY KEY, "WrappedKey" BLOB NULL, "CreatedAt" INTEGER NOT NULL, "DestroyedAt" INTEGER NULL);
                    """;
                setup.ExecuteNonQuery();
            }

            counter = Command(connection, """
                INSERT INTO "SignalReferenceCounters" ("Year", "Last") VALUES (@year, @count)
                ON CONFLICT ("Year") DO UPDATE SET "Last" = "Last" + @count RETURNING "Last"
                """, "year", "count");
            head = Command(connection, """SELECT "LastSequence", "LastHash" FROM "AuditChainHeads" WHERE "Id" = 1""");
            setHead = Command(connection, """
                INSERT INTO "AuditChainHeads" ("Id", "LastSequence", "LastHash", "CheckpointSequence", "CheckpointHash") VALUES (1, @sequence, @hash, 0, @genesis)
                ON CONFLICT ("Id") DO UPDATE SET "LastSequence" = @sequence, "LastHash" = @hash
                """, "sequence", "hash", "genesis");
            signal = Command(connection, InsertSignal, "id", "key", "reference", "by", "at", "month", "danger", "description", "observed", "location", "detail", "forms", "codes", "minor", "version", "rank");
            person = Command(connection, InsertPerson, "id", "signal", "role", "name", "age", "minor", "nationality", "language", "contact", "order", "hash");
            idempotency = Command(connection, InsertIdempotency, "user", "key", "body", "signal", "at");
            audit = Command(connection, """
                INSERT INTO "AuditEvents" ("Sequence", "OccurredAt", "ActorId", "ActorRole", "Action", "ObjectType", "ObjectId", "Outcome", "Purpose", "CorrelationId", "ClientAddress", "PreviousHash", "Hash", "MunicipalityId")
                VALUES (@sequence, @at, @actor, @role, 'signal.submitted', 'signal', @object, 'success', 'intake:InternalReport', @correlation, @client, @previous, @hash, 1)
                """, "sequence", "at", "actor", "role", "object", "correlation", "client", "previous", "hash");
            key = Command(keys, """INSERT INTO "DataKeys" ("Id", "WrappedKey", "CreatedAt") VALUES (@id, @key, @at)""", "id", "key", "at");
        }

        protected override Task<IReadOnlyList<object>> StoreAsync(List<Submission> batch)
        {
            StoreKeysAhead(batch.Count);
            var rows = batch.Select(s => { var (id, material) = storedAhead.Dequeue(); return Build(s, id, material); }).ToList();
            using var transaction = connection.BeginTransaction(); // BEGIN IMMEDIATE, as the app's write transactions
            foreach (var command in new[] { counter, head, setHead, signal, person, idempotency, audit })
            {
                command.Transaction = transaction;
            }

            var references = new string[batch.Count];
            foreach (var year in batch.Select(b => b.ReceivedAt.Year).Distinct())
            {
                var inYear = Enumerable.Range(0, batch.Count).Where(i => batch[i].ReceivedAt.Year == year).ToList();
                counter.Parameters["year"].Value = year;
                counter.Parameters["count"].Value = inYear.Count;
                var last = Convert.ToInt64(counter.ExecuteScalar(), CultureInfo.InvariantCulture);
                for (var n = 0; n < inYear.Count; n++)
                {
                    references[inYear[n]] = Reference(year, last - inYear.Count + 1 + n);
                }
            }

            long sequence = 0;
            var previous = Genesis;
            using (var reader = head.ExecuteReader())
            {
                if (reader.Read())
                {
                    sequence = reader.GetInt64(0);
                    previous = reader.GetString(1);
                }
            }

            for (var i = 0; i < batch.Count; i++)
            {
                var (r, s) = (rows[i], batch[i]);
                Set(signal, Id(r.Id), Id(r.DataKeyId), references[i], Actor, Time(r.ReceivedAt), r.ReceivedMonth, r.AcuteDanger, Db(r.Description),
                    Db(r.ObservedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), r.LocationType, Db(r.LocationDetail), r.Forms, r.IndicatorCodes, r.InvolvesMinor,
                    Id(Guid.NewGuid()), r.InboxRank);
                foreach (var p in r.People)
                {
                    Set(person, Id(p.Id), Id(r.Id), p.Role, Db(p.Name), Db(p.Age), p.Minor, Db(p.Nationality), Db(p.Language), Db(p.Contact), p.SortOrder, Db(p.SubjectHash));
                }

                if (s.KeyHash is not null)
                {
                    Set(idempotency, Actor, s.KeyHash, s.BodyHash, Id(r.Id), Time(s.ReceivedAt));
                }

                var at = Normalize(s.ReceivedAt);
                var hash = AuditHash(++sequence, at, s, references[i], previous);
                Set(audit, sequence, Time(at), Actor, ActorRole, references[i], Db(s.CorrelationId), Db(s.ClientAddress), previous, hash);
                previous = hash;
            }

            Set(setHead, sequence, previous, Genesis);
            transaction.Commit();
            return Task.FromResult<IReadOnlyList<object>>([.. rows.Select((r, i) => Answer(r, references[i]))]);
        }

        /// <summary>Keys for the batch, stored and flushed before the signals that use them; 64 at a time at least (the app stores 32 ahead at a time).</summary>
        private void StoreKeysAhead(int needed)
        {
            if (storedAhead.Count >= needed)
            {
                return;
            }

            using var transaction = keys.BeginTransaction();
            key.Transaction = transaction;
            for (var i = 0; i < Math.Max(needed, MaxBatch); i++)
            {
                var (id, material, wrapped) = NewDataKey();
                Set(key, Id(id), wrapped, Time(DateTimeOffset.UtcNow));
                storedAhead.Enqueue((id, material));
            }

            transaction.Commit();
        }

        protected override ValueTask DisposeStoreAsync()
        {
            foreach (var command in new[] { counter, head, setHead, signal, person, idempotency, audit, key })
            {
                command.Dispose();
            }

            connection.Dispose();
            keys.Dispose();
            return ValueTask.CompletedTask;
        }

        private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }

            return command;
        }

        private static void Set(SqliteCommand command, params object[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i];
            }

            command.ExecuteNonQuery();
        }

        // The app's storage formats on SQLite: EF Core keeps a Guid as upper-case text and a DateTimeOffset as a sortable 64-bit number.
        private static string Id(Guid id) => id.ToString().ToUpperInvariant();

        private static long Time(DateTimeOffset time) => ((time.Ticks / 1000) << 11) | ((long)time.Offset.TotalMinutes & 0x7FF);
    }

    /// <summary>PostgreSQL: a pool of writers, each batch in one transaction on a pooled connection: the numbers, then every row in one round trip.</summary>
    private sealed class Postgres : SubmitFloor
    {
        private readonly NpgsqlDataSource source;
        private readonly HashSet<int> years = [];
        private readonly SemaphoreSlim linking = new(1, 1);
        private long committed;
        private long linkedThrough;

        public Postgres(string connectionString, int writers)
            : base(writers) => source = NpgsqlDataSource.Create(connectionString);

        protected override async Task<IReadOnlyList<object>> StoreAsync(List<Submission> batch)
        {
            var keys = batch.Select(_ => NewDataKey()).ToList();
            var rows = batch.Select((s, i) => Build(s, keys[i].Id, keys[i].Key)).ToList();
            await using var connection = await source.OpenConnectionAsync();
            foreach (var year in batch.Select(b => b.ReceivedAt.Year).Distinct())
            {
                await EnsureYearAsync(connection, year);
            }

            await using var transaction = await connection.BeginTransactionAsync();
            var references = new string[batch.Count];
            foreach (var year in batch.Select(b => b.ReceivedAt.Year).Distinct())
            {
                var inYear = Enumerable.Range(0, batch.Count).Where(i => batch[i].ReceivedAt.Year == year).ToList();
                await using var next = new NpgsqlCommand($"SELECT nextval('signal_reference_{year}') FROM generate_series(1, @count)", connection, transaction);
                next.Parameters.AddWithValue("count", inYear.Count);
                var numbers = new List<long>(inYear.Count);
                await using (var reader = await next.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        numbers.Add(reader.GetInt64(0));
                    }
                }

                numbers.Sort();
                for (var n = 0; n < inYear.Count; n++)
                {
                    references[inYear[n]] = Reference(year, numbers[n]);
                }
            }

            await using var rowsBatch = new NpgsqlBatch(connection, transaction);
            for (var i = 0; i < batch.Count; i++)
            {
                var (r, s) = (rows[i], batch[i]);
                Add(rowsBatch, """INSERT INTO "DataKeys" ("Id", "WrappedKey", "CreatedAt") VALUES ($1, $2, $3)""", keys[i].Id, keys[i].Wrapped, s.ReceivedAt);
                Add(rowsBatch, Positional(InsertSignal), r.Id, r.DataKeyId, references[i], Actor, r.ReceivedAt, r.ReceivedMonth, r.AcuteDanger, Db(r.Description),
                    Db(r.ObservedOn), r.LocationType, Db(r.LocationDetail), r.Forms, r.IndicatorCodes, r.InvolvesMinor, Guid.NewGuid(), r.InboxRank);
                foreach (var p in r.People)
                {
                    Add(rowsBatch, Positional(InsertPerson), p.Id, r.Id, p.Role, Db(p.Name), Db(p.Age), p.Minor, Db(p.Nationality), Db(p.Language), Db(p.Contact), p.SortOrder, Db(p.SubjectHash));
                }

                if (s.KeyHash is not null)
                {
                    Add(rowsBatch, Positional(InsertIdempotency), Actor, s.KeyHash, s.BodyHash, r.Id, s.ReceivedAt);
                }

                Add(rowsBatch, """
                    INSERT INTO "PendingAuditEvents" ("OccurredAt", "ActorId", "ActorRole", "Action", "ObjectType", "ObjectId", "Outcome", "Purpose", "CorrelationId", "ClientAddress", "MunicipalityId")
                    VALUES ($1, $2, $3, 'signal.submitted', 'signal', $4, 'success', 'intake:InternalReport', $5, $6, 1)
                    """, s.ReceivedAt, Actor, ActorRole, references[i], Db(s.CorrelationId), Db(s.ClientAddress));
            }

            await rowsBatch.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            await LinkCommittedAsync();
            return [.. rows.Select((r, i) => Answer(r, references[i]))];
        }

        /// <summary>As the app's ReferenceNumbers.EnsureYearAsync: the year's sequence, continuing from its counter row, made once.</summary>
        private async Task EnsureYearAsync(NpgsqlConnection connection, int year)
        {
            lock (years)
            {
                if (years.Contains(year))
                {
                    return;
                }
            }

            await using var command = new NpgsqlCommand($"""
                DO $$ BEGIN
                  EXECUTE format('CREATE SEQUENCE IF NOT EXISTS signal_reference_{year} AS bigint START WITH %s',
                    COALESCE((SELECT "Last" FROM "SignalReferenceCounters" WHERE "Year" = {year}), 0) + 1);
                EXCEPTION WHEN unique_violation OR duplicate_table THEN NULL;
                END $$
                """, connection);
            await command.ExecuteNonQueryAsync();
            lock (years)
            {
                years.Add(year);
            }
        }

        /// <summary>The app's AuditChainer.LinkCommittedAsync: returns once every event committed before the call is linked; one run links for many writers.</summary>
        private async Task LinkCommittedAsync()
        {
            var ticket = Interlocked.Increment(ref committed);
            await linking.WaitAsync();
            try
            {
                if (Volatile.Read(ref linkedThrough) >= ticket)
                {
                    return;
                }

                var covers = Volatile.Read(ref committed);
                await LinkPendingAsync();
                Volatile.Write(ref linkedThrough, covers);
            }
            finally
            {
                linking.Release();
            }
        }

        private async Task LinkPendingAsync()
        {
            await using var connection = await source.OpenConnectionAsync();
            while (true)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using (var lockCommand = new NpgsqlCommand("SET LOCAL synchronous_commit = off; SELECT pg_advisory_xact_lock(@lock)", connection, transaction))
                {
                    lockCommand.Parameters.AddWithValue("lock", AuditChainLock);
                    await lockCommand.ExecuteNonQueryAsync();
                }

                var pending = new List<(long Id, DateTimeOffset At, string? Actor, string? Role, string Action, string? Type, string? Object, string Outcome, string? Purpose, string? Correlation, string? Client)>();
                await using (var read = new NpgsqlCommand("""
                    SELECT "Id", "OccurredAt", "ActorId", "ActorRole", "Action", "ObjectType", "ObjectId", "Outcome", "Purpose", "CorrelationId", "ClientAddress"
                    FROM "PendingAuditEvents" ORDER BY "Id" LIMIT 1000
                    """, connection, transaction))
                await using (var reader = await read.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                        pending.Add((reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), Text(2), Text(3), reader.GetString(4), Text(5), Text(6), reader.GetString(7), Text(8), Text(9), Text(10)));
                    }
                }

                if (pending.Count == 0)
                {
                    return;
                }

                long sequence = 0;
                var previous = Genesis;
                await using (var head = new NpgsqlCommand("""SELECT "LastSequence", "LastHash" FROM "AuditChainHeads" WHERE "Id" = 1""", connection, transaction))
                await using (var reader = await head.ExecuteReaderAsync())
                {
                    if (await reader.ReadAsync())
                    {
                        sequence = reader.GetInt64(0);
                        previous = reader.GetString(1);
                    }
                }

                await using var link = new NpgsqlBatch(connection, transaction);
                foreach (var p in pending)
                {
                    var at = Normalize(p.At);
                    var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new object?[]
                    {
                        ++sequence, at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), p.Actor, p.Role, p.Action, p.Type, p.Object, p.Outcome, p.Purpose,
                        p.Correlation, p.Client, previous,
                    }))));
                    Add(link, """
                        INSERT INTO "AuditEvents" ("Sequence", "OccurredAt", "ActorId", "ActorRole", "Action", "ObjectType", "ObjectId", "Outcome", "Purpose", "CorrelationId", "ClientAddress", "PreviousHash", "Hash", "MunicipalityId")
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1)
                        """, sequence, at, Db(p.Actor), Db(p.Role), p.Action, Db(p.Type), Db(p.Object), p.Outcome, Db(p.Purpose), Db(p.Correlation), Db(p.Client), previous, hash);
                    previous = hash;
                }

                Add(link, """
                    INSERT INTO "AuditChainHeads" ("Id", "LastSequence", "LastHash", "CheckpointSequence", "CheckpointHash") VALUES (1, $1, $2, 0, $3)
                    ON CONFLICT ("Id") DO UPDATE SET "LastSequence" = $1, "LastHash" = $2
                    """, sequence, previous, Genesis);
                Add(link, """DELETE FROM "PendingAuditEvents" WHERE "Id" = ANY($1)""", pending.Select(p => p.Id).ToArray());
                await link.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                if (pending.Count < 1000)
                {
                    return;
                }
            }
        }

        protected override async ValueTask DisposeStoreAsync() => await source.DisposeAsync();

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> PositionalSql = new();

        /// <summary>The shared statement with $1, $2, … for @names in order of appearance (Npgsql batches take positional parameters).</summary>
        private static string Positional(string sql) => PositionalSql.GetOrAdd(sql, s =>
        {
            var names = new List<string>();
            return System.Text.RegularExpressions.Regex.Replace(s, "@([a-z]+)", m =>
            {
                var index = names.IndexOf(m.Groups[1].Value);
                if (index < 0)
                {
                    names.Add(m.Groups[1].Value);
                    index = names.Count - 1;
                }

                return "$" + (index + 1).ToString(CultureInfo.InvariantCulture);
            });
        });

        private static void Add(NpgsqlBatch batch, string sql, params object[] values)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var value in values)
            {
                command.Parameters.Add(value is DateOnly date ? new NpgsqlParameter { Value = date, NpgsqlDbType = NpgsqlDbType.Date } : new NpgsqlParameter { Value = value });
            }

            batch.BatchCommands.Add(command);
        }
    }
}
