using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Meldroute.Tests.Infrastructure.Data;

/// <summary>Guards the harness itself: each app really runs on the database it claims, migrated, with its connection settings.</summary>
[Trait("Category", "Integration")]
public abstract class DatabaseSelectionTests(MeldrouteAppFactory app)
{
    [Fact]
    public async Task The_app_runs_on_the_configured_provider_and_database()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();

        Assert.Equal(app.Database == Database.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        if (app.Database == Database.Postgres)
        {
            Assert.Equal(new NpgsqlConnectionStringBuilder(app.ConnectionString).Database, new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Database);
        }
        else
        {
            Assert.Equal(new SqliteConnectionStringBuilder(app.ConnectionString).DataSource, new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        }

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Every_connection_has_the_app_s_settings_also_when_the_pool_hands_it_out_again()
    {
        if (app.Database == Database.Postgres)
        {
            // The driver's settings are in the connection string the context uses.
            await using var scope = app.Services.CreateAsyncScope();
            var settings = new NpgsqlConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().Database.GetConnectionString());
            Assert.Equal(64, settings.MaxAutoPrepare);
            Assert.True(settings.NoResetOnClose);
            return;
        }

        // Contexts and connections are pooled: the pragmas must hold on the second and third use as on the first.
        for (var use = 0; use < 3; use++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            await db.Database.OpenConnectionAsync();
            try
            {
                foreach (var pragma in new[] { "foreign_keys", "secure_delete" })
                {
                    await using var command = db.Database.GetDbConnection().CreateCommand();
                    command.CommandText = $"PRAGMA {pragma}";
                    Assert.Equal(1L, await command.ExecuteScalarAsync());
                }

                await using var journal = db.Database.GetDbConnection().CreateCommand();
                journal.CommandText = "PRAGMA journal_mode";
                Assert.Equal("wal", await journal.ExecuteScalarAsync());
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}

public sealed class DatabaseSelectionTestsOnSqlite(SqliteApp app) : DatabaseSelectionTests(app), IClassFixture<SqliteApp>;

public sealed class DatabaseSelectionTestsOnPostgres(PostgresApp app) : DatabaseSelectionTests(app), IClassFixture<PostgresApp>;

/// <summary>The app's PostgreSQL driver defaults give way to what the operator's connection string says.</summary>
[Trait("Category", "Domain")]
public sealed class PostgresDriverSettingsTests
{
    [Fact]
    public void The_app_prepares_repeated_statements_and_skips_the_pool_reset_unless_the_connection_string_says_otherwise()
    {
        var defaults = new NpgsqlConnectionStringBuilder(DatabaseSetup.TunePostgres("Host=db.example;Database=meldroute;Username=meldroute"));
        Assert.Equal(64, defaults.MaxAutoPrepare);
        Assert.Equal(2, defaults.AutoPrepareMinUsages);
        Assert.True(defaults.NoResetOnClose);
        Assert.Equal("meldroute", defaults.Database);

        var operators = new NpgsqlConnectionStringBuilder(DatabaseSetup.TunePostgres("Host=db.example;Database=meldroute;Max Auto Prepare=0;No Reset On Close=false;AutoPrepareMinUsages=5"));
        Assert.Equal(0, operators.MaxAutoPrepare);
        Assert.Equal(5, operators.AutoPrepareMinUsages);
        Assert.False(operators.NoResetOnClose);
    }
}
