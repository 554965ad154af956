using System.Net;
using Meldroute.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Meldroute.Tests.Infrastructure;

/// <summary>The web server starts while the database is prepared; until then the instance is alive but not ready.</summary>
[Trait("Category", "Process")]
public sealed class StartupTests
{
    [Fact]
    public async Task While_its_database_is_prepared_an_instance_is_alive_answers_503_and_becomes_ready_after()
    {
        var folder = Directory.CreateTempSubdirectory("meldroute-startup-").FullName;
        var database = Path.Combine(folder, "meldroute.db");
        // Another process holds the database's write lock, so the first migration waits (up to SQLite's busy timeout).
        await using var holder = new SqliteConnection($"Data Source={database};Pooling=False");
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "PRAGMA journal_mode=WAL; BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync();
        }

        await using var app = await AppProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["Database__Provider"] = "Sqlite",
                ["ConnectionStrings__Meldroute"] = $"Data Source={database}",
                ["Meldroute__KeysPath"] = Path.Combine(folder, "keys"),
                ["Retention__DailyJob"] = "false",
            },
            waitUntilReady: false);
        using var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        HttpStatusCode? live = null;
        for (var i = 0; i < 200 && live != HttpStatusCode.OK; i++)
        {
            try
            {
                live = (await client.GetAsync("/health/live")).StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50);
            }
        }

        Assert.True(live == HttpStatusCode.OK, $"never alive:\n{app.Output}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        var page = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("1", page.Headers.RetryAfter?.ToString());
        // No error page: rendering it could read the database that is not prepared yet.
        Assert.Empty(await page.Content.ReadAsByteArrayAsync());

        await holder.CloseAsync();
        await app.WaitUntilReadyAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
