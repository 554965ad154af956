using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Meldroute.Web.Infrastructure.Data;

/// <summary>
/// Inserts many new rows past the change tracker, for <c>seed-load</c>: on SQLite multi-row INSERTs prepared once and
/// bound by position, in large transactions; on PostgreSQL binary COPY. The columns and their stored form come from the
/// EF Core model (names, value converters: enums as numbers, instants as SQLite's sortable numbers, personal values
/// encrypted by the converter under the keys the caller hands to <see cref="Privacy.PersonalDataProtection.BeginWrite"/>),
/// so that the rows are the ones a save would write. Nothing a save derives is derived here: the caller sets figure columns,
/// inbox rank, keys and hashes first. Owned types mapped into their owner's table (a signal's deletion receipt) are written
/// with it; database-generated keys are left to the database.
/// Everything is written in one transaction: a failed or interrupted load leaves the database as it was. A load that
/// adds more rows than its tables hold can drop their secondary indexes at the start of the transaction and make them
/// again from their stored definitions before the commit: sorting a million rows once into each index costs a fraction
/// of a million inserts into eight B-trees in random order, and the definitions come back exactly as they were.
/// </summary>
internal sealed class BulkInsert : IAsyncDisposable
{
    private readonly MeldrouteDbContext db;
    private readonly bool postgres;
    private readonly Dictionary<Type, Table> tables = [];
    private readonly List<sqlite3_stmt> statements = [];
    private readonly List<string> droppedIndexes = [];
    private DbTransaction? transaction;

    /// <summary>The load's one transaction, for what the caller writes with the rows (on the context's connection).</summary>
    public DbTransaction Transaction => transaction ?? throw new InvalidOperationException("The load has not begun.");

    private BulkInsert(MeldrouteDbContext db)
    {
        this.db = db;
        postgres = db.Database.IsNpgsql();
    }

    /// <summary>
    /// Opens the context's connection (on SQLite with the key file attached, as for a save) and begins the transaction;
    /// with <paramref name="rebuildIndexesOf"/>, drops those entities' tables' secondary indexes in it (made again by <see cref="CompleteAsync"/>).
    /// </summary>
    public static async Task<BulkInsert> BeginAsync(MeldrouteDbContext db, IReadOnlyList<Type> rebuildIndexesOf, CancellationToken cancellationToken)
    {
        var bulk = new BulkInsert(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (!bulk.postgres)
        {
            // Index pages stay in memory across a transaction's many rows instead of going through the default 2 MB cache.
            await using var pragma = db.Database.GetDbConnection().CreateCommand();
            pragma.CommandText = "PRAGMA cache_size = -262144";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        bulk.transaction = await db.Database.GetDbConnection().BeginTransactionAsync(cancellationToken);
        if (rebuildIndexesOf.Count > 0)
        {
            await bulk.DropIndexesAsync([.. rebuildIndexesOf.Select(t => db.Model.FindEntityType(t)!.GetTableName()!)], cancellationToken);
        }

        return bulk;
    }

    /// <summary>
    /// The indexes that are not constraints (primary keys stay: rows are found by them, and foreign keys point at them),
    /// with their definitions as the database keeps them, dropped in the transaction.
    /// </summary>
    private async Task DropIndexesAsync(string[] tableNames, CancellationToken cancellationToken)
    {
        var definitions = new List<(string Name, string Sql)>();
        await using (var find = Command(postgres
            ? "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY(@tables) AND indexname NOT IN (SELECT conname FROM pg_constraint)"
            : $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", tableNames.Select((_, i) => "@t" + i.ToString(CultureInfo.InvariantCulture)))})"))
        {
            AddParameters(find, tableNames);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                definitions.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, sql) in definitions)
        {
            await using var drop = Command("DROP INDEX " + Quote(name));
            await drop.ExecuteNonQueryAsync(cancellationToken);
            droppedIndexes.Add(sql);
        }
    }

    private void AddParameters(DbCommand command, string[] tableNames)
    {
        if (postgres)
        {
            command.Parameters.Add(new NpgsqlParameter("tables", tableNames));
            return;
        }

        for (var i = 0; i < tableNames.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter("@t" + i.ToString(CultureInfo.InvariantCulture), tableNames[i]));
        }
    }

    private DbCommand Command(string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0; // making an index over a million rows takes longer than the default 30 s on a busy machine
        return command;
    }

    /// <summary>Writes the rows of one entity type, in the order given, in the current transaction.</summary>
    public async Task WriteAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = TableOf(typeof(T));
        if (postgres)
        {
            await CopyAsync(table, rows, cancellationToken);
        }
        else
        {
            Insert(table, rows);
        }
    }

    /// <summary>Makes the dropped indexes again and commits everything written.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        foreach (var sql in droppedIndexes)
        {
            await using var create = Command(sql);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction!.CommitAsync(cancellationToken);
        await transaction.DisposeAsync();
        transaction = null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in statements)
        {
            statement.Dispose();
        }

        if (transaction is not null)
        {
            await transaction.DisposeAsync(); // rolls back what was not committed
        }

        await db.Database.CloseConnectionAsync();
    }

    private Table TableOf(Type type)
    {
        if (tables.TryGetValue(type, out var known))
        {
            return known;
        }

        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = new List<Column>();
        AddColumns(entity, store, columns, owner => owner);
        foreach (var navigation in entity.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsCollection && n.TargetEntityType.GetTableName() == store.Name))
        {
            var getter = navigation.GetGetter();
            AddColumns(navigation.TargetEntityType, store, columns, owner => getter.GetClrValue(owner));
        }

        var table = new Table(Quote(store.Name), columns);
        tables[type] = table;
        return table;
    }

    private static void AddColumns(IEntityType entity, StoreObjectIdentifier store, List<Column> columns, Func<object, object?> container)
    {
        foreach (var property in entity.GetProperties())
        {
            // The key an owned type shares with its owner is the owner's column; a number the database generates is left to it.
            if (entity.IsOwned() && property.IsPrimaryKey())
            {
                continue;
            }

            if (property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never && property.ClrType is var t && (t == typeof(int) || t == typeof(long)))
            {
                continue;
            }

            var getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            columns.Add(new Column(property.GetColumnName(store)!, row =>
            {
                var value = container(row) is { } owner ? getter.GetClrValue(owner) : null;
                return value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
            }));
        }
    }

    private static string Quote(string name) => "\"" + name + "\"";

    // ---- PostgreSQL: binary COPY ----

    private async Task CopyAsync<T>(Table table, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var copy = $"COPY {table.Name} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var column in table.Columns)
            {
                await WriteAsync(writer, column.Value(row), cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter writer, object? value, CancellationToken cancellationToken) => value switch
    {
        null => writer.WriteNullAsync(cancellationToken),
        Guid v => writer.WriteAsync(v, NpgsqlDbType.Uuid, cancellationToken),
        string v => writer.WriteAsync(v, NpgsqlDbType.Text, cancellationToken),
        int v => writer.WriteAsync(v, NpgsqlDbType.Integer, cancellationToken),
        long v => writer.WriteAsync(v, NpgsqlDbType.Bigint, cancellationToken),
        short v => writer.WriteAsync(v, NpgsqlDbType.Smallint, cancellationToken),
        bool v => writer.WriteAsync(v, NpgsqlDbType.Boolean, cancellationToken),
        DateTimeOffset v => writer.WriteAsync(v.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken),
        DateOnly v => writer.WriteAsync(v, NpgsqlDbType.Date, cancellationToken),
        byte[] v => writer.WriteAsync(v, NpgsqlDbType.Bytea, cancellationToken),
        double v => writer.WriteAsync(v, NpgsqlDbType.Double, cancellationToken),
        _ => throw new NotSupportedException($"No COPY format for {value.GetType().Name}."),
    };

    // ---- SQLite: multi-row INSERT, prepared once per table, bound by position ----

    private void Insert<T>(Table table, IReadOnlyList<T> rows)
        where T : class
    {
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        // SQLite takes at most 32,766 values per statement; 100 rows a statement already makes the per-statement cost small.
        var perStatement = Math.Max(1, Math.Min(100, 32_000 / table.Columns.Count));
        var done = 0;
        while (done < rows.Count)
        {
            var count = Math.Min(perStatement, rows.Count - done);
            var statement = table.Statement(count) ?? table.Prepare(count, Prepare(handle, table, count));
            var index = 1;
            for (var r = done; r < done + count; r++)
            {
                foreach (var column in table.Columns)
                {
                    Bind(handle, statement, index++, column.Value(rows[r]));
                }
            }

            var result = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            Check(handle, result == raw.SQLITE_DONE ? raw.SQLITE_OK : result);
            done += count;
        }
    }

    private sqlite3_stmt Prepare(sqlite3 handle, Table table, int rows)
    {
        var one = "(" + string.Join(", ", Enumerable.Repeat("?", table.Columns.Count)) + ")";
        var sql = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) VALUES {string.Join(", ", Enumerable.Repeat(one, rows))}";
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        statements.Add(statement);
        return statement;
    }

    /// <summary>The stored forms of EF Core on SQLite for what a converter leaves: a Guid as upper-case text, a date as yyyy-MM-dd.</summary>
    private static void Bind(sqlite3 handle, sqlite3_stmt statement, int index, object? value) => Check(handle, value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string v => raw.sqlite3_bind_text(statement, index, v),
        Guid v => raw.sqlite3_bind_text(statement, index, v.ToString().ToUpperInvariant()),
        int v => raw.sqlite3_bind_int64(statement, index, v),
        long v => raw.sqlite3_bind_int64(statement, index, v),
        short v => raw.sqlite3_bind_int64(statement, index, v),
        bool v => raw.sqlite3_bind_int64(statement, index, v ? 1 : 0),
        DateOnly v => raw.sqlite3_bind_text(statement, index, v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        byte[] v => raw.sqlite3_bind_blob(statement, index, v),
        double v => raw.sqlite3_bind_double(statement, index, v),
        _ => throw new NotSupportedException($"No SQLite form for {value.GetType().Name}."),
    });

    private static void Check(sqlite3 handle, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), result);
        }
    }

    private sealed record Column(string Name, Func<object, object?> Value);

    private sealed class Table(string name, List<Column> columns)
    {
        private readonly Dictionary<int, sqlite3_stmt> prepared = [];

        public string Name => name;

        public List<Column> Columns => columns;

        public sqlite3_stmt? Statement(int rows) => prepared.GetValueOrDefault(rows);

        public sqlite3_stmt Prepare(int rows, sqlite3_stmt statement) => prepared[rows] = statement;
    }
}
