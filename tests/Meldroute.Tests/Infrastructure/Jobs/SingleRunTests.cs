using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Meldroute.Tests.Infrastructure.Jobs;

/// <summary>The one-instance-only guard for background jobs, with two contexts standing in for two instances.</summary>
[Trait("Category", "Integration")]
public abstract class SingleRunTests(Database database)
{
    [Fact]
    public async Task Exclusive_work_is_refused_elsewhere_while_it_runs_and_allowed_after()
    {
        using var app = new MeldrouteAppFactory(database);
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var one = first.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var other = second.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var otherRan = 0;

        var running = SingleRun.TryExclusiveAsync(one, "mailbox", async _ => { started.SetResult(); await release.Task; }, CancellationToken.None);
        await started.Task;
        var whileHeld = await SingleRun.TryExclusiveAsync(other, "mailbox", _ => { otherRan++; return Task.CompletedTask; }, CancellationToken.None);
        var otherJob = await SingleRun.TryExclusiveAsync(other, "outbox", _ => { otherRan++; return Task.CompletedTask; }, CancellationToken.None);
        release.SetResult();
        Assert.True(await running);
        var afterwards = await SingleRun.TryExclusiveAsync(other, "mailbox", _ => { otherRan++; return Task.CompletedTask; }, CancellationToken.None);

        Assert.False(whileHeld);
        Assert.True(otherJob);
        Assert.True(afterwards);
        Assert.Equal(2, otherRan);
    }

    [Fact]
    public async Task A_day_is_claimed_once_per_job()
    {
        using var app = new MeldrouteAppFactory(database);
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var day = new DateOnly(2026, 3, 2);
        var now = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

        Assert.True(await SingleRun.TryClaimDayAsync(first.ServiceProvider.GetRequiredService<MeldrouteDbContext>(), "retention", day, now, CancellationToken.None));
        Assert.False(await SingleRun.TryClaimDayAsync(second.ServiceProvider.GetRequiredService<MeldrouteDbContext>(), "retention", day, now, CancellationToken.None));
        Assert.True(await SingleRun.TryClaimDayAsync(second.ServiceProvider.GetRequiredService<MeldrouteDbContext>(), "mailbox-digest", day, now, CancellationToken.None));
        Assert.True(await SingleRun.TryClaimDayAsync(second.ServiceProvider.GetRequiredService<MeldrouteDbContext>(), "retention", day.AddDays(1), now, CancellationToken.None));
    }

    /// <summary>
    /// Instances racing for the day (docs/operations.md says to alert on Error): the losers log at Debug, and nothing
    /// logs an error — no failed insert on the primary key of JobRuns (23505 on PostgreSQL) reaches the log.
    /// </summary>
    [Fact]
    public async Task Instances_racing_for_a_day_get_one_claim_and_the_losers_log_no_error()
    {
        using var app = new MeldrouteAppFactory(database, settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Meldroute.Web.Infrastructure.Jobs"] = "Debug",
        });
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Meldroute.Web.Infrastructure.Jobs.SingleRun");
        var day = new DateOnly(2026, 3, 3);
        var now = new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero);
        var scopes = Enumerable.Range(0, 6).Select(_ => app.Services.CreateAsyncScope()).ToList();
        using var start = new Barrier(scopes.Count);

        var claims = await Task.WhenAll(scopes.Select(scope => Task.Run(async () =>
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            await db.Database.OpenConnectionAsync();
            start.SignalAndWait();
            return await SingleRun.TryClaimDayAsync(db, "retention", day, now, CancellationToken.None, logger);
        })));
        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }

        Assert.Single(claims, c => c);
        Assert.Equal(scopes.Count - 1, app.Logs.Lines.Count(l => l.StartsWith("Debug ", StringComparison.Ordinal) && l.Contains("was claimed by another instance", StringComparison.Ordinal)));
        var errors = app.Logs.Lines.Where(l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await using var check = app.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<MeldrouteDbContext>().JobRuns.SingleAsync(r => r.Job == "retention" && r.Day == day);
        Assert.Equal(now, stored.StartedAt);
    }
}

public sealed class SingleRunTestsOnSqlite() : SingleRunTests(Database.Sqlite);

public sealed class SingleRunTestsOnPostgres() : SingleRunTests(Database.Postgres);
