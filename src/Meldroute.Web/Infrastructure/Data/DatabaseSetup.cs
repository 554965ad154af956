using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Meldroute.Web.Infrastructure.Data;

public static class DatabaseSetup
{
    internal static readonly SqliteWriteGate WriteGate = new();

    /// <summary>Registers <see cref="MeldrouteDbContext"/> on the configured provider.</summary>
    public static IServiceCollection AddMeldrouteDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? throw new StartupRefusedException(StartupRefusal.Line("ConnectionStrings:Meldroute ontbreekt.", "ConnectionStrings:Meldroute is not set"));

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = ResolveSqliteConnectionString(connectionString, environment.ContentRootPath);
                options.ConnectionString = sqlite;
                // Pooled: a request reuses a context instead of building one (its services, its state) from scratch.
                services.AddDbContextPool<SqliteMeldrouteDbContext>((sp, o) => o
                    .UseSqlite(sqlite)
                    .ConfigureWarnings(w => Warnings(w, environment))
                    .ReplaceService<IModelCacheKeyFactory, PersonalDataModelCacheKeyFactory>()
                    .AddInterceptors(new SqlitePragmas(), WriteGate)
                    .UsePersonalDataProtection(sp.GetRequiredService<PersonalDataProtection>()));
                services.AddScoped<MeldrouteDbContext>(sp => ScopedToMunicipality(sp, sp.GetRequiredService<SqliteMeldrouteDbContext>()));
                break;
            case DatabaseProvider.Postgres:
                services.AddSingleton<Features.Audit.AuditChainer>();
                services.AddSingleton<Features.Audit.AuditChainInterceptor>();
                options.ConnectionString = TunePostgres(connectionString);
                services.AddDbContextPool<PostgresMeldrouteDbContext>((sp, o) => o
                    .UseNpgsql(options.ConnectionString)
                    .ConfigureWarnings(w => Warnings(w, environment))
                    .ReplaceService<IModelCacheKeyFactory, PersonalDataModelCacheKeyFactory>()
                    .AddInterceptors(sp.GetRequiredService<Features.Audit.AuditChainInterceptor>())
                    .UsePersonalDataProtection(sp.GetRequiredService<PersonalDataProtection>()));
                services.AddScoped<MeldrouteDbContext>(sp => ScopedToMunicipality(sp, sp.GetRequiredService<PostgresMeldrouteDbContext>()));
                services.AddHostedService<Features.Audit.AuditChainJob>();
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }

        services.AddSingleton(options);
        services.AddSingleton<Features.Municipalities.MunicipalityDirectory>();
        services.AddScoped<Features.Municipalities.MunicipalityScope>();
        return services;
    }

    /// <summary>A context from the pool, for the municipality of this scope (its query filters and new rows).</summary>
    private static MeldrouteDbContext ScopedToMunicipality(IServiceProvider services, MeldrouteDbContext db)
    {
        db.Municipality = services.GetRequiredService<Features.Municipalities.MunicipalityScope>();
        return db;
    }

    /// <summary>
    /// Driver settings for the app's own connections, unless the operator's connection string sets them itself:
    /// statements the app repeats are prepared once per connection (Max Auto Prepare: the server then skips parsing and
    /// planning them), and a connection going back to the pool is not reset with DISCARD ALL (No Reset On Close), a
    /// statement on every reuse that also throws away the prepared ones. The app leaves no session state behind: its
    /// locks and settings are transaction-scoped; the one session lock, <see cref="Jobs.SingleRun"/>'s, takes a
    /// connection of its own that is reset.
    /// </summary>
    internal static string TunePostgres(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            tuned.MaxAutoPrepare = 64;
        }

        if (!given.ContainsKey("Auto Prepare Min Usages") && !given.ContainsKey("AutoPrepareMinUsages"))
        {
            tuned.AutoPrepareMinUsages = 2;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            tuned.NoResetOnClose = true;
        }

        return tuned.ConnectionString;
    }

    /// <summary>
    /// EF Core's comparison of the model with the migrations before it migrates is ignored: the app makes it itself, only
    /// before it upgrades a database with data (OperatorCommand.MigrateAsync). In development and in the tests
    /// (environments Development and Testing) a limit without an order and a converted collection without a comparer
    /// throw instead of logging a warning, so that every test run proves the app's queries and model free of them: in
    /// production they would be a warning in every instance's log, which operators are told to watch.
    /// </summary>
    private static void Warnings(WarningsConfigurationBuilder warnings, IHostEnvironment environment)
    {
        warnings.Ignore(RelationalEventId.PendingModelChangesWarning);
        if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
        {
            warnings.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning, CoreEventId.CollectionWithoutComparer);
        }
    }

    /// <summary>A relative SQLite path is taken from the content root, and its folder is created.</summary>
    internal static string ResolveSqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && !string.IsNullOrEmpty(builder.DataSource))
        {
            if (!Path.IsPathRooted(builder.DataSource))
            {
                builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }

    /// <summary>
    /// WAL for concurrent readers; secure_delete so that purged personal data is overwritten instead of
    /// lingering in free pages; foreign keys on; temporary tables in memory, not in files under /var/tmp (SQLite
    /// made and deleted one per submission, strace showed), so no piece of the database is written outside its file.
    /// SQLite keeps these per connection, so they are set once on every new physical connection; a connection handed
    /// out again by the pool keeps them, and setting them again on every open (several times per request) cost the
    /// intake a statement each time.
    /// </summary>
    internal sealed class SqlitePragmas : DbConnectionInterceptor
    {
        internal const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA secure_delete=ON; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY;";

        /// <summary>The native connections that have the pragmas; weak, so a connection the pool closes is forgotten.</summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Prepared = [];

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (IsNew(connection, out var handle))
            {
                using var command = connection.CreateCommand();
                command.CommandText = Pragmas;
                command.ExecuteNonQuery();
                Prepared.AddOrUpdate(handle, handle);
            }
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (IsNew(connection, out var handle))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = Pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
                Prepared.AddOrUpdate(handle, handle);
            }
        }

        private static bool IsNew(DbConnection connection, out object handle)
        {
            handle = ((SqliteConnection)connection).Handle!;
            return !Prepared.TryGetValue(handle, out _);
        }
    }
}
