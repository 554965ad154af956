using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Meldroute.Tests.Features.Audit;

/// <summary>
/// The audit log's own retention (issue 4 §3): events older than the term (default 7 years) are removed in whole
/// days by the retention run, the chain stays verifiable from the checkpoint, and tampering with the checkpoint or
/// with the kept rows is still noticed.
/// </summary>
[Trait("Category", "Integration")]
public abstract class AuditRetentionTests(Database database)
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2019, 3, 1, 22, 0, 0, TimeSpan.Zero));

    private MeldrouteAppFactory NewApp() => new(database, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));

    private static async Task RecordAsync(MeldrouteAppFactory app, string action, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        for (var i = 0; i < count; i++)
        {
            await audit.RecordAsync(new AuditEntry(action, AuditOutcome.Success, "test", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private static async Task<T> WithAsync<T>(MeldrouteAppFactory app, Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    private static Task<AuditVerification> VerifyAsync(MeldrouteAppFactory app) => WithAsync(app, s => s.GetRequiredService<AuditTrail>().VerifyAsync());

    private static Task<RetentionResult> RunRetentionAsync(MeldrouteAppFactory app) => WithAsync(app, s => s.GetRequiredService<RunRetention>().RunAsync());

    private static Task<List<string>> ActionsAsync(MeldrouteAppFactory app) =>
        WithAsync(app, s => s.GetRequiredService<MeldrouteDbContext>().AuditEvents.OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());

    [Fact]
    public async Task Days_older_than_seven_years_are_removed_whole_and_the_chain_stays_verifiable()
    {
        using var app = NewApp();
        await RecordAsync(app, "old.first-day", 3);           // 1 March 2019, 22:00
        clock.Advance(TimeSpan.FromHours(3));                 // 2 March 2019, 01:00
        await RecordAsync(app, "old.second-day", 2);
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero));
        await RecordAsync(app, "recent", 2);

        // Seven years after 1 March 2019 the first day is past its term, the second day not yet.
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        var result = await RunRetentionAsync(app);

        Assert.Equal(3, result.AuditEventsRemoved);
        var actions = await ActionsAsync(app);
        Assert.DoesNotContain("old.first-day", actions);
        Assert.Equal(2, actions.Count(a => a == "old.second-day"));
        Assert.Contains(AuditTrail.TrimmedAction, actions);
        var verification = await VerifyAsync(app);
        Assert.True(verification.IsIntact, $"broken at {verification.FirstBrokenSequence}: {verification.Break}");

        // A day later the second day goes too; the chain is still intact and keeps counting on.
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2, (await RunRetentionAsync(app)).AuditEventsRemoved);
        Assert.DoesNotContain("old.second-day", await ActionsAsync(app));
        Assert.True((await VerifyAsync(app)).IsIntact);
        await RecordAsync(app, "after-trim", 1);
        Assert.True((await VerifyAsync(app)).IsIntact);
    }

    [Fact]
    public async Task A_changed_checkpoint_or_a_row_deleted_after_it_is_reported()
    {
        using var app = NewApp();
        await RecordAsync(app, "old", 3);
        clock.SetUtcNow(new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero));
        await RecordAsync(app, "recent", 4);
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(3, (await RunRetentionAsync(app)).AuditEventsRemoved);
        Assert.True((await VerifyAsync(app)).IsIntact);

        var fifth = await WithAsync(app, s => s.GetRequiredService<MeldrouteDbContext>().AuditEvents.AsNoTracking().SingleAsync(e => e.Sequence == 5));
        await ExecuteAsync(app, "DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 5");
        var deleted = await VerifyAsync(app);
        Assert.Equal((false, 5L, AuditBreak.Missing), (deleted.IsIntact, deleted.FirstBrokenSequence, deleted.Break));

        // Hiding the deletion by removing the rows before it and moving the checkpoint forward: the chain links up
        // again, but the checkpoint is no longer the one the chain itself recorded.
        await ExecuteAsync(app, "DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 4");
        await ExecuteAsync(app, $"UPDATE \"AuditChainHeads\" SET \"CheckpointSequence\" = 5, \"CheckpointHash\" = '{fifth.Hash}'");
        var moved = await VerifyAsync(app);
        Assert.Equal((false, AuditBreak.Checkpoint), (moved.IsIntact, moved.Break));
    }

    private static Task<int> ExecuteAsync(MeldrouteAppFactory app, string sql) =>
        WithAsync(app, s => s.GetRequiredService<MeldrouteDbContext>().Database.ExecuteSqlRawAsync(sql));

    [Fact]
    public async Task Nothing_younger_than_the_term_is_removed()
    {
        using var app = NewApp();
        await RecordAsync(app, "young", 3);
        clock.Advance(TimeSpan.FromDays(365 * 6));
        Assert.Equal(0, (await RunRetentionAsync(app)).AuditEventsRemoved);
        Assert.Equal(3, (await ActionsAsync(app)).Count(a => a == "young"));
        Assert.True((await VerifyAsync(app)).IsIntact);
    }
}

public sealed class AuditRetentionTestsOnSqlite() : AuditRetentionTests(Database.Sqlite);

public sealed class AuditRetentionTestsOnPostgres() : AuditRetentionTests(Database.Postgres);
