using System.Net;
using Meldroute.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Meldroute.Tests.Infrastructure;

/// <summary>
/// The health probes outside Development (HTTPS redirection on): they answer on plain HTTP where every page redirects,
/// and /health/ready says 503 while the database does not answer, 200 again once it does.
/// </summary>
[Trait("Category", "Integration")]
public abstract class HealthTests(Database database)
{
    [Fact]
    public async Task The_probes_answer_over_http_without_a_redirect_and_ready_is_503_while_the_database_is_unreachable()
    {
        using var app = new MeldrouteAppFactory(database);
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://localhost"),
            AllowAutoRedirect = false,
        });

        // Every other page is sent to HTTPS: the redirect is on, the probes are exempt from it.
        Assert.Equal(HttpStatusCode.TemporaryRedirect, (await client.GetAsync("/Account/Login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await using (Unreachable(app))
        {
            var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
            // The process itself is alive: a restart would not help.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    /// <summary>Makes the app's database refuse connections until disposed.</summary>
    private static IAsyncDisposable Unreachable(MeldrouteAppFactory app)
    {
        if (app.Database == Database.Postgres)
        {
            var name = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database;
            PostgresCluster.Instance.Admin($"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false");
            PostgresCluster.Instance.Admin($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
            return new Undo(() => PostgresCluster.Instance.Admin($"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS true"));
        }

        // SQLite: the file is moved aside and a folder of the same name takes its place, which no connection opens.
        var file = new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
        SqliteConnection.ClearAllPools();
        File.Move(file, file + ".aside");
        Directory.CreateDirectory(file);
        return new Undo(() =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(file);
            File.Move(file + ".aside", file);
        });
    }

    private sealed class Undo(Action undo) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            undo();
            return ValueTask.CompletedTask;
        }
    }
}

public sealed class HealthTestsOnSqlite() : HealthTests(Database.Sqlite);

public sealed class HealthTestsOnPostgres() : HealthTests(Database.Postgres);
