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
            ?? throw new InvalidOperationException("ConnectionStrings:Meldroute is not set.");

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = ResolveSqliteConnectionString(connectionString, environment.ContentRootPath);
                services.AddDbContext<SqliteMeldrouteDbContext>(o => o
                    .UseSqlite(sqlite)
                    .ReplaceService<IModelCacheKeyFactory, PersonalDataModelCacheKeyFactory>()
                    .AddInterceptors(new SqlitePragmas(), WriteGate));
                services.AddScoped<MeldrouteDbContext>(sp => sp.GetRequiredService<SqliteMeldrouteDbContext>());
                break;
            case DatabaseProvider.Postgres:
                services.AddSingleton<Features.Audit.AuditChainer>();
                services.AddSingleton<Features.Audit.AuditChainInterceptor>();
                services.AddDbContext<PostgresMeldrouteDbContext>((sp, o) => o
                    .UseNpgsql(connectionString)
                    .ReplaceService<IModelCacheKeyFactory, PersonalDataModelCacheKeyFactory>()
                    .AddInterceptors(sp.GetRequiredService<Features.Audit.AuditChainInterceptor>()));
                services.AddScoped<MeldrouteDbContext>(sp => sp.GetRequiredService<PostgresMeldrouteDbContext>());
                services.AddHostedService<Features.Audit.AuditChainJob>();
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }

        services.AddSingleton(options);
        return services;
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
    /// lingering in free pages; foreign keys on. Set on every connection because SQLite keeps them per connection.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA secure_delete=ON; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
