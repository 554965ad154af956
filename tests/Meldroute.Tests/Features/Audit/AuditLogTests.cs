using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Audit;

/// <summary>The audit log on a real database: appends under concurrency, tampering directly in the tables, and the `audit verify` command.</summary>
[Trait("Category", "Process")]
public abstract class AuditLogTests(Database database)
{
    protected async Task<MeldrouteAppFactory> AppWithEventsAsync(int count)
    {
        var app = new MeldrouteAppFactory(database);
        await using var scope = app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        for (var i = 0; i < count; i++)
        {
            await audit.RecordAsync(new AuditEntry("test.event", AuditOutcome.Success, "test", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return app;
    }

    protected static async Task<AuditVerification> VerifyAsync(MeldrouteAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync();
    }

    private static async Task ExecuteSqlAsync(MeldrouteAppFactory app, string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    [Fact]
    public async Task Concurrent_appends_from_many_requests_keep_one_unbroken_chain()
    {
        using var app = new MeldrouteAppFactory(database);
        _ = app.Services;

        await Parallel.ForEachAsync(Enumerable.Range(0, 40), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(new AuditEntry("test.parallel", AuditOutcome.Success, "test", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        });

        var result = await VerifyAsync(app);
        Assert.True(result.IsIntact, $"broken at {result.FirstBrokenSequence}: {result.Break}");
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(40, await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents.CountAsync(e => e.Action == "test.parallel"));
    }

    [Fact]
    public async Task Verifying_while_events_are_appended_reports_an_intact_chain()
    {
        using var app = await AppWithEventsAsync(5);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(new AuditEntry("test.during-verify", AuditOutcome.Success));
            }
        });

        var results = new List<AuditVerification>();
        for (var i = 0; i < 20; i++)
        {
            results.Add(await VerifyAsync(app));
        }

        await stop.CancelAsync();
        await writer;
        Assert.All(results, r => Assert.True(r.IsIntact, $"broken at {r.FirstBrokenSequence}: {r.Break}"));
    }

    [Fact]
    public async Task A_row_altered_in_the_database_is_reported_with_its_sequence()
    {
        using var app = await AppWithEventsAsync(6);
        Assert.True((await VerifyAsync(app)).IsIntact);

        await ExecuteSqlAsync(app, "UPDATE \"AuditEvents\" SET \"Outcome\" = 'failure' WHERE \"Sequence\" = 4");

        var result = await VerifyAsync(app);
        Assert.False(result.IsIntact);
        Assert.Equal(4, result.FirstBrokenSequence);
        Assert.Equal(AuditBreak.Altered, result.Break);
    }

    [Fact]
    public async Task A_row_deleted_from_the_database_is_reported()
    {
        using var app = await AppWithEventsAsync(6);

        await ExecuteSqlAsync(app, "DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 3");

        var result = await VerifyAsync(app);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Equal(AuditBreak.Missing, result.Break);
    }

    [Fact]
    public async Task The_newest_row_deleted_from_the_database_is_reported()
    {
        using var app = await AppWithEventsAsync(6);

        await ExecuteSqlAsync(app, "DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = (SELECT MAX(\"Sequence\") FROM \"AuditEvents\")");

        Assert.False((await VerifyAsync(app)).IsIntact);
    }

    [Fact]
    public async Task The_audit_verify_command_exits_0_on_an_intact_chain_and_non_zero_naming_the_row_when_broken()
    {
        using var app = await AppWithEventsAsync(5);

        var intact = await OperatorProcess.RunAsync(app, "audit", "verify");
        Assert.True(intact.ExitCode == 0, intact.Output);
        Assert.Contains("intact", intact.Output, StringComparison.Ordinal);

        await ExecuteSqlAsync(app, "UPDATE \"AuditEvents\" SET \"ObjectId\" = 'forged' WHERE \"Sequence\" = 2");
        var broken = await OperatorProcess.RunAsync(app, "audit", "verify");
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("row 2", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_privacy_officer_sees_the_verification_result_and_other_roles_do_not()
    {
        using var app = await AppWithEventsAsync(3);
        var officer = await app.SignInAsync(await app.CreateAsync(Roles.PrivacyOfficer));
        var intactPage = await (await officer.GetAsync("/Audit")).Content.ReadAsStringAsync();
        Assert.Contains("De keten is intact", intactPage, StringComparison.Ordinal);

        await ExecuteSqlAsync(app, "UPDATE \"AuditEvents\" SET \"Action\" = 'forged' WHERE \"Sequence\" = 1");
        var brokenPage = await (await officer.GetAsync("/Audit")).Content.ReadAsStringAsync();
        Assert.Contains("De keten is verbroken bij gebeurtenis 1", brokenPage, StringComparison.Ordinal);

        var administrator = await app.SignInAsync(await app.CreateAsync(Roles.Administrator));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await administrator.GetAsync("/Audit")).StatusCode);
    }
}

public sealed class AuditLogTestsOnSqlite() : AuditLogTests(Database.Sqlite);

public sealed class AuditLogTestsOnPostgres() : AuditLogTests(Database.Postgres)
{
    /// <summary>On PostgreSQL an event is committed unlinked and linked right after; a crash in between leaves it for the sweep.</summary>
    [Fact]
    public async Task An_event_committed_but_left_unlinked_is_linked_by_the_sweep_after_the_chain()
    {
        using var app = await AppWithEventsAsync(3);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            db.PendingAuditEvents.Add(new PendingAuditEvent { OccurredAt = DateTimeOffset.UtcNow, Action = "test.left-unlinked", Outcome = AuditOutcome.Success });
            await db.SaveChangesAsync();
        }

        Assert.True((await VerifyAsync(app)).IsIntact);
        Assert.Equal(1, await app.Services.GetRequiredService<AuditChainer>().LinkPendingAsync(CancellationToken.None));

        var result = await VerifyAsync(app);
        Assert.True(result.IsIntact, $"broken at {result.FirstBrokenSequence}: {result.Break}");
        await using var check = app.Services.CreateAsyncScope();
        var events = check.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var linked = await events.AuditEvents.SingleAsync(e => e.Action == "test.left-unlinked");
        Assert.Equal(await events.AuditEvents.MaxAsync(e => e.Sequence), linked.Sequence);
        Assert.False(await events.PendingAuditEvents.AnyAsync());
    }
}
