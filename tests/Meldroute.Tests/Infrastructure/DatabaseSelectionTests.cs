using Meldroute.Tests.Infrastructure;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Infrastructure;

/// <summary>Guards the harness itself: each app really runs on the database it claims, migrated.</summary>
public abstract class DatabaseSelectionTests(MeldrouteAppFactory app)
{
    [Fact]
    public async Task The_app_runs_on_the_configured_provider_and_database()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();

        Assert.Equal(app.Database == Database.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        Assert.Equal(app.ConnectionString.Split(';')[^1], db.Database.GetConnectionString()!.Split(';')[^1]);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}

public sealed class DatabaseSelectionTestsOnSqlite(SqliteApp app) : DatabaseSelectionTests(app), IClassFixture<SqliteApp>;

public sealed class DatabaseSelectionTestsOnPostgres(PostgresApp app) : DatabaseSelectionTests(app), IClassFixture<PostgresApp>;
