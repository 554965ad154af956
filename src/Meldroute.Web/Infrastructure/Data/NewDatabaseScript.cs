using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Meldroute.Web.Infrastructure.Data;

/// <summary>
/// A new, empty database gets every migration at once from a script generated at design time and embedded in the app
/// (<c>dotnet ef migrations script --no-transactions</c>, one per provider; see docs/architecture.md), instead of
/// through EF Core's migrator. The migrator builds each migration's target model to generate its SQL (about 30 ms a
/// migration, 0.4 s of a first start) and cannot begin before the app's model is built; the script runs on a plain
/// connection while the model is built. It runs in one transaction with the migrations' history rows, so the database
/// ends either empty or at the script's last migration, and the migrator then applies any migration the script lacks.
/// NewDatabaseScriptTests keep the script equal to what the migrations generate.
/// </summary>
public static class NewDatabaseScript
{
    private const string HistoryTable = "__EFMigrationsHistory";

    /// <summary>The embedded script for the provider.</summary>
    public static string For(DatabaseProvider provider)
    {
        using var stream = typeof(NewDatabaseScript).Assembly.GetManifestResourceStream($"NewDatabase.{provider}.sql")
            ?? throw new InvalidOperationException($"The new-database script for {provider} is not embedded.");
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Runs the script when the database has no migration history yet; true when it did.</summary>
    public static async Task<bool> ApplyIfNewAsync(DatabaseOptions database, CancellationToken cancellationToken = default) =>
        await ApplyIfNewAsync(database.Provider, database.ConnectionString, For(database.Provider), cancellationToken);

    internal static async Task<bool> ApplyIfNewAsync(DatabaseProvider provider, string connectionString, string script, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(provider, connectionString, cancellationToken);
        if (connection is null)
        {
            return false;
        }

        // SQLite: BEGIN IMMEDIATE takes the file's write lock, so a second process waits (busy_timeout) and then sees
        // the history table. PostgreSQL: DDL is transactional, and a transaction-scoped advisory lock does the same.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (provider == DatabaseProvider.Postgres)
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({WriteLock.NewDatabase})", cancellationToken);
        }

        var exists = provider == DatabaseProvider.Postgres
            ? $"SELECT to_regclass('\"{HistoryTable}\"') IS NOT NULL"
            : $"SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{HistoryTable}')";
        await using (var check = connection.CreateCommand())
        {
            check.Transaction = transaction;
            check.CommandText = exists;
            if (Convert.ToBoolean(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture))
            {
                return false;
            }
        }

        await ExecuteAsync(connection, transaction, script, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>A connection of its own, outside EF Core; null when the PostgreSQL database does not exist yet (the migrator creates it).</summary>
    private static async Task<DbConnection?> OpenAsync(DatabaseProvider provider, string connectionString, CancellationToken cancellationToken)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new SqliteConnection(connectionString);
            await sqlite.OpenAsync(cancellationToken);
            await ExecuteAsync(sqlite, null, DatabaseSetup.SqlitePragmas.Pragmas, cancellationToken);
            return sqlite;
        }

        // Not pooled: one connection once, not an idle one left in a pool of its own.
        var postgres = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await postgres.OpenAsync(cancellationToken);
            return postgres;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await postgres.DisposeAsync();
            return null;
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
