using System.Globalization;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Audit;

/// <summary>
/// The anchor of the audit chain outside the database (issue 20 item 12): an attacker who can write the database cuts
/// off the newest rows and moves the head back, or rewrites the tail with fresh hashes; the chain alone still looks
/// intact, `audit verify` against the anchor file does not.
/// </summary>
[Trait("Category", "Process")]
public abstract class AuditAnchorTests(Database database)
{
    private async Task<MeldrouteAppFactory> AppWithEventsAsync(int count, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new MeldrouteAppFactory(database, settings: settings);
        await RecordAsync(app, count);
        return app;
    }

    private static async Task RecordAsync(MeldrouteAppFactory app, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        for (var i = 0; i < count; i++)
        {
            await audit.RecordAsync(new AuditEntry("test.event", AuditOutcome.Success, "test", i.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static async Task<AuditAnchorEntry> AnchorAsync(MeldrouteAppFactory app) =>
        await app.Services.GetRequiredService<AuditAnchor>().WriteAsync("test") ?? throw new InvalidOperationException("nothing anchored");

    private static async Task<AuditChainHead> HeadAsync(MeldrouteAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditChainHeads.AsNoTracking().SingleAsync();
    }

    private static async Task ExecuteSqlAsync(MeldrouteAppFactory app, string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private static async Task<AuditVerification> ChainOnlyAsync(MeldrouteAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync();
    }

    private static AuditAnchorEntry? LastLine(MeldrouteAppFactory app) =>
        AuditAnchorEntry.Parse(File.ReadLines(app.AuditAnchorPath).Last(l => l.Length > 0));

    [Fact]
    public async Task An_untouched_chain_is_intact_against_its_anchor_also_after_more_events()
    {
        using var app = await AppWithEventsAsync(5);
        var anchor = await AnchorAsync(app);
        var head = await HeadAsync(app);
        Assert.Equal((head.LastSequence, head.LastHash), (anchor.Sequence, anchor.Hash));
        Assert.Equal(anchor, LastLine(app));
        Assert.Equal(anchor, await AnchorAsync(app)); // an unchanged head adds no line
        Assert.Single(File.ReadLines(app.AuditAnchorPath), l => l.Length > 0 && AuditAnchorEntry.Parse(l) == anchor);
        Assert.Contains(app.Logs.Lines, l => l.Contains("Audit chain anchored", StringComparison.Ordinal) && l.Contains(anchor.Hash, StringComparison.Ordinal));

        await RecordAsync(app, 3);
        var intact = await OperatorProcess.RunAsync(app, "audit", "verify");

        Assert.True(intact.ExitCode == 0, intact.Output);
        Assert.Contains("intact", intact.Output, StringComparison.Ordinal);
        Assert.Contains($"latest anchor: sequence {anchor.Sequence}", intact.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_newest_rows_and_moving_the_head_back_is_reported_as_truncation()
    {
        using var app = await AppWithEventsAsync(6);
        // Signed in before the attack: signing in is audited too, and would lengthen the shortened chain again.
        var officer = await app.SignInAsync(await app.CreateAsync(Roles.PrivacyOfficer));
        var officerApi = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PrivacyOfficer));
        var anchor = await AnchorAsync(app);
        var kept = anchor.Sequence - 2;

        // The attack from the issue: the newest rows gone, the head row moved back to the last row left.
        await ExecuteSqlAsync(app, $"DELETE FROM \"AuditEvents\" WHERE \"Sequence\" > {kept}");
        await ExecuteSqlAsync(app, $"UPDATE \"AuditChainHeads\" SET \"LastSequence\" = {kept}, \"LastHash\" = (SELECT \"Hash\" FROM \"AuditEvents\" WHERE \"Sequence\" = {kept})");
        Assert.True((await ChainOnlyAsync(app)).IsIntact, "the chain alone no longer shows the attack; the anchor must");

        var broken = await OperatorProcess.RunAsync(app, "audit", "verify");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("TRUNCATED", broken.Output, StringComparison.Ordinal);
        Assert.Contains($"row {kept + 1}", broken.Output, StringComparison.Ordinal);

        // The privacy officer's page and API say the same (each checks before it records its own visit), and the app
        // does not anchor the shortened chain over it.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await VerifyAuditLog.HandleAsync(scope.ServiceProvider.GetRequiredService<AuditTrail>(), scope.ServiceProvider.GetRequiredService<AuditAnchor>(), CancellationToken.None);
            Assert.Equal((false, AuditBreak.Truncated, kept + 1), (result.IsIntact, result.Break, result.FirstBrokenSequence));
        }

        var page = await (await officer.GetAsync("/Audit")).Content.ReadAsStringAsync();
        Assert.Contains($"De keten is verbroken bij gebeurtenis {kept + 1}", page, StringComparison.Ordinal);
        Assert.Contains("de keten is ingekort", page, StringComparison.Ordinal);
        Assert.Contains($"volgnummer {anchor.Sequence}", page, StringComparison.Ordinal);
        var api = await (await officerApi.GetAsync("/api/audit/verification")).Content.ReadAsStringAsync();
        Assert.Contains("\"isIntact\":false", api, StringComparison.Ordinal);
        Assert.DoesNotContain("anchorPath", api, StringComparison.Ordinal);

        Assert.Null(await app.Services.GetRequiredService<AuditAnchor>().WriteAsync("test"));
        Assert.Equal(anchor, LastLine(app));
        Assert.Contains(app.Logs.Lines, l => l.Contains("NOT anchored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rewriting_the_anchored_row_with_a_fresh_hash_is_reported_as_a_rewritten_tail()
    {
        using var app = await AppWithEventsAsync(4);
        var anchor = await AnchorAsync(app);

        // A careful attacker: the anchored row changed, its hash recomputed so the chain still links, the head updated.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            var row = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Sequence == anchor.Sequence);
            row.ObjectId = "forged";
            var hash = AuditChain.ComputeHash(row);
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"ObjectId\" = 'forged', \"Hash\" = {hash} WHERE \"Sequence\" = {anchor.Sequence}");
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditChainHeads\" SET \"LastHash\" = {hash}");
        }

        Assert.True((await ChainOnlyAsync(app)).IsIntact, "the chain alone no longer shows the attack; the anchor must");
        var broken = await OperatorProcess.RunAsync(app, "audit", "verify");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("REWRITTEN", broken.Output, StringComparison.Ordinal);
        Assert.Contains($"row {anchor.Sequence}", broken.Output, StringComparison.Ordinal);
        Assert.Null(await app.Services.GetRequiredService<AuditAnchor>().WriteAsync("test"));
    }

    [Fact]
    public async Task An_altered_anchor_file_is_reported()
    {
        using var app = await AppWithEventsAsync(3);
        await AnchorAsync(app);
        await File.AppendAllTextAsync(app.AuditAnchorPath, "2026-01-01T00:00:00.000Z 1 not-a-hash\n");

        var broken = await OperatorProcess.RunAsync(app, "audit", "verify");

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("is not an anchor", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retention_run_and_the_shutdown_anchor_the_head()
    {
        // Outside the key folder, which the test app removes when it is disposed: the shutdown anchor is read after that.
        var path = Path.Combine(Path.GetTempPath(), "meldroute-anchor-" + Guid.NewGuid().ToString("N")[..12], "audit-anchor.log");
        try
        {
            var app = await AppWithEventsAsync(3, new Dictionary<string, string?> { ["Audit:AnchorPath"] = path });
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<RunRetention>().RunAsync();
            }

            var afterRetention = await HeadAsync(app);
            Assert.Equal((afterRetention.LastSequence, afterRetention.LastHash), (LastLine(app)!.Sequence, LastLine(app)!.Hash));

            await RecordAsync(app, 2);
            var last = await HeadAsync(app);
            await app.DisposeAsync();

            Assert.Equal((last.LastSequence, last.LastHash), (LastLine(app)!.Sequence, LastLine(app)!.Hash));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}

public sealed class AuditAnchorTestsOnSqlite() : AuditAnchorTests(Database.Sqlite);

public sealed class AuditAnchorTestsOnPostgres() : AuditAnchorTests(Database.Postgres);
