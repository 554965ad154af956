using System.Data.Common;
using System.Text;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.TestSupport;

/// <summary>Looks at what the database really stores, past EF Core's decryption: file bytes (SQLite) and text columns (both).</summary>
public static class RawDatabase
{
    /// <summary>Files in the SQLite data folder that hold the text, after the WAL is checkpointed into the main file.</summary>
    public static Task<List<string>> FilesContainingAsync(MeldrouteAppFactory app, string text) => FilesContainingAsync(app, Encoding.UTF8.GetBytes(text));

    /// <summary>Files in the SQLite data folder that hold these bytes (for example stored ciphertext), after the WAL is checkpointed.</summary>
    public static async Task<List<string>> FilesContainingAsync(MeldrouteAppFactory app, byte[] needle)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        return [.. Directory.EnumerateFiles(app.DataFolder, "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllBytes(f).AsSpan().IndexOf(needle) >= 0)
            .Select(f => Path.GetFileName(f))];
    }

    /// <summary>
    /// Files in the SQLite data folder that hold these bytes as they are now, while the app runs: without a checkpoint
    /// of the test's own, so that the write-ahead log is scanned as a crash or a disk snapshot would find it.
    /// </summary>
    public static List<string> FilesAsTheyAreContaining(MeldrouteAppFactory app, byte[] needle) =>
        [.. Directory.EnumerateFiles(app.DataFolder, "*", SearchOption.AllDirectories)
            .Where(f => ReadShared(f).AsSpan().IndexOf(needle) >= 0)
            .Select(f => Path.GetFileName(f))];

    public static List<string> FilesAsTheyAreContaining(MeldrouteAppFactory app, string text) => FilesAsTheyAreContaining(app, Encoding.UTF8.GetBytes(text));

    /// <summary>Reads a file the running app holds open (the database, its log and shared memory).</summary>
    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Where the text is stored in the clear: the SQLite data files, or PostgreSQL's text columns.</summary>
    public static Task<List<string>> ColumnsOrFilesContainingAsync(MeldrouteAppFactory app, string text) =>
        app.Database == Database.Sqlite ? FilesContainingAsync(app, text) : ColumnsContainingAsync(app, text);

    /// <summary>Table.column of every text column holding the text.</summary>
    public static async Task<List<string>> ColumnsContainingAsync(MeldrouteAppFactory app, string text)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = app.Database == Database.Postgres
                ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json')"
                : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND (p.type = 'TEXT' OR p.type LIKE 'VARCHAR%')";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = app.Database == Database.Postgres
                ? $"SELECT count(*) FROM \"{table}\" WHERE \"{column}\"::text LIKE '%' || @needle || '%'"
                : $"SELECT count(*) FROM \"{table}\" WHERE instr(\"{column}\", @needle) > 0";
            Add(count, "needle", text);
            if (Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                found.Add($"{table}.{column}");
            }
        }

        Assert.True(columns.Count > 20, "the scan should cover the schema");
        return found;
    }

    /// <summary>The stored (encrypted) values of one column for the rows a condition selects.</summary>
    public static async Task<List<string>> StoredValuesAsync(MeldrouteAppFactory app, string sql, params (string Name, object Value)[] parameters)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!reader.IsDBNull(0))
            {
                values.Add(reader.GetString(0));
            }
        }

        return values;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
