using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
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
}

public sealed class SingleRunTestsOnSqlite() : SingleRunTests(Database.Sqlite);

public sealed class SingleRunTestsOnPostgres() : SingleRunTests(Database.Postgres);
