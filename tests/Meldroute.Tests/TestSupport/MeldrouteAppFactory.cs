using Meldroute.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Meldroute.Tests.TestSupport;

public enum Database
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real app in a test server, on a real SQLite file in its own temp folder or on a fresh database in the
/// throwaway PostgreSQL cluster. Outside demo mode by default: accounts need two-factor authentication.
/// </summary>
public class MeldrouteAppFactory(Database database, bool demoMode = false, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "meldroute-test-" + Guid.NewGuid().ToString("N")[..12]);
    private string? connectionString;
    private string? ownPostgresDatabase;

    public Database Database { get; } = database;

    public DatabaseProvider Provider => Database == Database.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public bool DemoMode { get; } = demoMode;

    /// <summary>Every API response this app gives is checked against its OpenAPI document (<see cref="OpenApiContractCheck"/>).</summary>
    public OpenApiContractCheck ContractCheck { get; } = new();

    /// <summary>Every log line the app wrote, with its arguments, for tests that look for leaked data.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public string DataFolder => dataFolder;

    public string KeysFolder => dataFolder + "-keys";

    /// <summary>The audit chain's anchor file: in the key folder (the default on SQLite), also on PostgreSQL, never in the source tree.</summary>
    public string AuditAnchorPath => settings?.GetValueOrDefault("Audit:AnchorPath") ?? Path.Combine(KeysFolder, "audit-anchor.log");

    /// <summary>A folder that exists, for processes started beside the app.</summary>
    public string DataFolderOrTemp()
    {
        Directory.CreateDirectory(dataFolder);
        return dataFolder;
    }

    /// <summary>The database this app uses: one given in its settings, else its own new one.</summary>
    public string ConnectionString => connectionString ??= settings?.GetValueOrDefault("ConnectionStrings:Meldroute") ?? OwnDatabase();

    /// <summary>
    /// Where the key ring is: the key folder on SQLite; on PostgreSQL the database plus the certificate that encrypts it
    /// (or the certificates this app's settings name instead).
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> KeySettings
    {
        get
        {
            if (Database != Database.Postgres)
            {
                return [new("Meldroute:KeysPath", KeysFolder)];
            }

            var given = (settings ?? new Dictionary<string, string?>())
                .Where(s => s.Key.StartsWith("Meldroute:KeyCertificate", StringComparison.Ordinal) || s.Key.StartsWith("Meldroute:PreviousKeyCertificates", StringComparison.Ordinal))
                .Where(s => s.Value is not null)
                .ToDictionary(s => s.Key, s => s.Value!, StringComparer.Ordinal);
            return given.Count > 0 ? given : TestKeyCertificate.Settings;
        }
    }

    private string OwnDatabase()
    {
        if (Database == Database.Sqlite)
        {
            return $"Data Source={Path.Combine(dataFolder, "meldroute.db")}";
        }

        return ownPostgresDatabase = PostgresCluster.Instance.CreateDatabase();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(DemoMode ? "Development" : "Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Meldroute", ConnectionString);
        builder.UseSetting("Meldroute:DemoMode", DemoMode ? "true" : "false");
        // Each app its own key ring, beside (not in) its data folder, as in production; on PostgreSQL in its database.
        foreach (var (key, value) in KeySettings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Audit:AnchorPath", AuditAnchorPath);
        // Tests sign in many times from one address; RateLimitTests set real limits.
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:IntakePerMinute", "100000");
        // The daily job would run on its own schedule in the middle of tests; RetentionTests run it explicitly.
        builder.UseSetting("Retention:DailyJob", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(s =>
        {
            s.AddLogging(l => l.AddProvider(Logs));
            s.AddSingleton(ContractCheck.StartupFilter());
            services?.Invoke(s);
        });
    }

    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        // The app prepares its database while its server starts; a test begins once it is prepared (or fails with why not).
        host.Services.GetRequiredService<Meldroute.Web.Infrastructure.DatabasePreparation>().Prepared.GetAwaiter().GetResult();
        return host;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        // HTTPS like production, so that Secure cookies are sent and no HTTPS redirect happens.
        client.BaseAddress = new Uri("https://localhost");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (ownPostgresDatabase is not null)
            {
                PostgresCluster.Instance.DropDatabase(ownPostgresDatabase);
            }

            TestFolder.Delete(dataFolder);
            TestFolder.Delete(KeysFolder);
        }
    }
}
