using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Meldroute.Tests.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run: initdb into a temp folder, pg_ctl on a free loopback
/// port, removed when the test process ends. initdb refuses to run as root, so as root it runs as the
/// "postgres" system user (override with MELDROUTE_PG_USER).
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string dataDirectory;
    private readonly string? runAs;
    private int databaseCounter;

    private PostgresCluster(string root, int port, string? runAs)
    {
        Root = root;
        dataDirectory = Path.Combine(root, "data");
        Port = port;
        this.runAs = runAs;
    }

    public static PostgresCluster Instance => Shared.Value;

    public string Root { get; }

    /// <summary>The cluster's data directory, for scans of what PostgreSQL keeps on disk.</summary>
    public string DataDirectory => dataDirectory;

    public int Port { get; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    /// <summary>A new empty database in the cluster, so that each app under test starts clean.</summary>
    public string CreateDatabase()
    {
        var name = $"meldroute_test_{Environment.ProcessId}_{Interlocked.Increment(ref databaseCounter)}";
        Admin($"CREATE DATABASE {name}");
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}";
    }

    /// <summary>
    /// Drops a test's database when its app is done. FORCE ends the connections the app's pool still holds: the
    /// provider keeps its data sources for the whole test process, and without this the idle connections of earlier
    /// tests fill the cluster's max_connections before the pool prunes them.
    /// </summary>
    public void DropDatabase(string connectionString)
    {
        Admin($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connectionString).Database} WITH (FORCE)");
    }

    /// <summary>Runs one statement as the superuser on the maintenance database.</summary>
    public void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>pg_dump of a database with the given options (as in docs/operations.md) into a file of the cluster's folder; returns the file.</summary>
    public string Dump(string connectionString, params string[] options)
    {
        var file = Path.Combine(Root, $"{new NpgsqlConnectionStringBuilder(connectionString).Database}-{Guid.NewGuid():N}.dump");
        RunPg("pg_dump", ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", .. options, "--file", file, new NpgsqlConnectionStringBuilder(connectionString).Database!]);
        return file;
    }

    /// <summary>pg_restore of dumps, each with its own options, in order, into a new database; returns its connection string.</summary>
    public string Restore(params (string File, string[] Options)[] dumps)
    {
        var restored = CreateDatabase();
        foreach (var (file, options) in dumps)
        {
            RunPg("pg_restore", ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", .. options, "--dbname", new NpgsqlConnectionStringBuilder(restored).Database!, file]);
        }

        return restored;
    }

    /// <summary>Runs a psql script as the superuser (stops at the first error), as an operator would with `psql -f`.</summary>
    public void Psql(string script)
    {
        var file = Path.Combine(Root, $"script-{Guid.NewGuid():N}.sql");
        File.WriteAllText(file, script);
        RunPg("psql", ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-f", file]);
    }

    /// <summary>pg_dump with the given options and connection string (e.g. another role's), into a new file; returns the file.</summary>
    public string DumpWith(string connectionInfo, params string[] options)
    {
        var file = Path.Combine(Root, $"dump-{Guid.NewGuid():N}.dump");
        RunPg("pg_dump", [.. options, $"--file={file}", connectionInfo]);
        return file;
    }

    private static PostgresCluster Start()
    {
        var root = Path.Combine(Path.GetTempPath(), "meldroute-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var runAs = Environment.UserName == "root" ? Environment.GetEnvironmentVariable("MELDROUTE_PG_USER") ?? "postgres" : null;
        if (runAs is not null)
        {
            Run("chown", ["-R", runAs, root], null);
        }

        var cluster = new PostgresCluster(root, FreePort(), runAs);
        cluster.RunPg("initdb", ["-D", cluster.dataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync", "--locale=C"]);
        cluster.RunPg("pg_ctl", [
            "-D", cluster.dataDirectory, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60",
            "-o", $"-h 127.0.0.1 -p {cluster.Port} -k {root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start",
        ]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    private void Stop()
    {
        try
        {
            RunPg("pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private void RunPg(string tool, string[] args) => Run(tool, args, runAs);

    private static void Run(string tool, string[] args, string? runAs)
    {
        var start = runAs is null ? new ProcessStartInfo(tool) : new ProcessStartInfo("runuser");
        if (runAs is not null)
        {
            foreach (var a in new[] { "-u", runAs, "--", tool })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{tool} did not finish.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {stdout.Result} {stderr.Result}");
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
