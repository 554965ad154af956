using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Infrastructure.Commands;

[Trait("Category", "Process")]
public abstract class OperatorCommandTests(Database database)
{
    [Fact]
    public async Task Migrate_creates_the_schema_on_an_empty_database_and_users_add_creates_the_first_administrator()
    {
        // The factory's database is created but the app is never started: the commands do all the work.
        using var app = new MeldrouteAppFactory(database);

        // Before: every migration of this build is pending, and listing them applies none.
        using (MeldrouteDbContext design = database == Database.Postgres ? new PostgresDesignTimeFactory().CreateDbContext([]) : new SqliteDesignTimeFactory().CreateDbContext([]))
        {
            var migrations = design.Database.GetMigrations().ToList();
            var pending = await OperatorProcess.RunAsync(app, "migrate", "--list");
            Assert.True(pending.ExitCode == 0, pending.Output);
            Assert.All(migrations, m => Assert.Contains(m, pending.Output, StringComparison.Ordinal));
            Assert.Contains($"{migrations.Count} pending migration(s) in Meldroute {BuildVersion.Informational}.", pending.Output, StringComparison.Ordinal);
        }

        var migrate = await OperatorProcess.RunAsync(app, "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Output);
        Assert.Contains("0 pending migration(s)", (await OperatorProcess.RunAsync(app, "migrate", "--list")).Output, StringComparison.Ordinal);

        var version = await OperatorProcess.RunAsync(app, "version");
        Assert.True(version.ExitCode == 0, version.Output);
        Assert.Contains($"Meldroute {BuildVersion.Informational} (commit {BuildVersion.Commit ?? "unknown"}", version.Output, StringComparison.Ordinal);

        var add = await OperatorProcess.RunAsync(app, "users", "add", "--email", "eerste.beheerder@gemeente.test", "--role", "Administrator");
        Assert.True(add.ExitCode == 0, add.Output);
        Assert.Contains("Initial password:", add.Output, StringComparison.Ordinal);

        var refused = await OperatorProcess.RunAsync(app, "users", "add", "--email", "x@gemeente.test", "--role", "Superuser");
        Assert.Equal(2, refused.ExitCode);
        var mistyped = await OperatorProcess.RunAsync(app, "audit", "verfy");
        Assert.Equal(2, mistyped.ExitCode);
        Assert.Contains("Unknown command", mistyped.Output, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == "eerste.beheerder@gemeente.test");
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "user.created" && e.ObjectId == user.Id));
        Assert.True((await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Municipalities_add_makes_a_second_municipality_and_users_add_then_needs_to_be_told_which()
    {
        using var app = new MeldrouteAppFactory(database);
        Assert.Equal(0, (await OperatorProcess.RunAsync(app, "migrate")).ExitCode);

        // One municipality: an account needs no --municipality, as before.
        var first = await OperatorProcess.RunAsync(app, "users", "add", "--email", "beheer@haarlemmermeer.test", "--role", "Administrator");
        Assert.True(first.ExitCode == 0, first.Output);

        var badCode = await OperatorProcess.RunAsync(app, "municipalities", "add", "--name", "Gemeente Haarlem", "--code", "0392");
        Assert.Equal(1, badCode.ExitCode);
        Assert.Contains("no CBS code", badCode.Output, StringComparison.Ordinal);
        var added = await OperatorProcess.RunAsync(app, "municipalities", "add", "--name", "Gemeente Haarlem", "--code", "GM0392", "--region", "Kennemerland");
        Assert.True(added.ExitCode == 0, added.Output);
        var again = await OperatorProcess.RunAsync(app, "municipalities", "add", "--name", "Gemeente Haarlem", "--code", "GM0392");
        Assert.Equal(1, again.ExitCode);
        var list = await OperatorProcess.RunAsync(app, "municipalities", "list");
        Assert.Contains("GM0392\tGemeente Haarlem\tKennemerland", list.Output, StringComparison.Ordinal);

        // Two municipalities: which one must be said, and must exist.
        var unsaid = await OperatorProcess.RunAsync(app, "users", "add", "--email", "beheer@haarlem.test", "--role", "Administrator");
        Assert.Equal(2, unsaid.ExitCode);
        Assert.Contains("--municipality", unsaid.Output, StringComparison.Ordinal);
        Assert.Equal(2, (await OperatorProcess.RunAsync(app, "users", "add", "--email", "beheer@haarlem.test", "--role", "Administrator", "--municipality", "GM9999")).ExitCode);
        var second = await OperatorProcess.RunAsync(app, "users", "add", "--email", "beheer@haarlem.test", "--role", "Administrator", "--municipality", "GM0392");
        Assert.True(second.ExitCode == 0, second.Output);
        // docs/operations.md, "Several municipalities": a regional analyst's account, as the doc writes it.
        var analyst = await OperatorProcess.RunAsync(app, "users", "add", "--email", "regio@haarlem.test", "--role", "RegionalAnalyst", "--municipality", "GM0392");
        Assert.True(analyst.ExitCode == 0, analyst.Output);
        // README's seed-load: with several municipalities it is told which one, like users add.
        var unsaidLoad = await OperatorProcess.RunAsync(app, "seed-load", "--count", "20", "--confirm", "benchmark-database");
        Assert.Equal(2, unsaidLoad.ExitCode);
        Assert.Contains("--municipality", unsaidLoad.Output, StringComparison.Ordinal);
        var load = await OperatorProcess.RunAsync(app, "seed-load", "--count", "20", "--confirm", "benchmark-database", "--municipality", "GM0392");
        Assert.True(load.ExitCode == 0, load.Output);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        // The test looks at both municipalities' accounts from outside either, on purpose.
        var haarlem = await db.Municipalities.SingleAsync(m => m.Code == "GM0392");
        Assert.Equal("Kennemerland", haarlem.Region);
        Assert.Equal(haarlem.Id, (await db.Users.IgnoreQueryFilters().SingleAsync(u => u.Email == "beheer@haarlem.test")).MunicipalityId);
        Assert.NotEqual(haarlem.Id, (await db.Users.IgnoreQueryFilters().SingleAsync(u => u.Email == "beheer@haarlemmermeer.test")).MunicipalityId);
        Assert.Equal(20, await db.Signals.IgnoreQueryFilters().CountAsync(s => s.MunicipalityId == haarlem.Id));
        Assert.Equal(0, await db.Signals.IgnoreQueryFilters().CountAsync(s => s.MunicipalityId != haarlem.Id));
        Assert.True(await (from u in db.Users.IgnoreQueryFilters()
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where u.Email == "regio@haarlem.test" && r.Name == "RegionalAnalyst" && u.MunicipalityId == haarlem.Id
                           select u).AnyAsync());
        // The new municipality starts with what every municipality has: its own framework checklist and processing register.
        Assert.True(await db.BuildingBlocks.IgnoreQueryFilters().AnyAsync(b => b.MunicipalityId == haarlem.Id));
        Assert.True(await db.ProcessingActivities.IgnoreQueryFilters().AnyAsync(a => a.MunicipalityId == haarlem.Id));
    }
}

public sealed class OperatorCommandTestsOnSqlite() : OperatorCommandTests(Database.Sqlite);

public sealed class OperatorCommandTestsOnPostgres() : OperatorCommandTests(Database.Postgres);

/// <summary>The build names its git commit (the SDK's SourceRevisionId) when it was built from a git checkout.</summary>
[Trait("Category", "Domain")]
public sealed class BuildVersionTests
{
    [Fact]
    public void A_build_from_a_git_checkout_names_its_commit()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, ".git")) && !File.Exists(Path.Combine(folder.FullName, ".git")))
        {
            folder = folder.Parent;
        }

        // Built without .git (a source tarball): the build still succeeds and says so.
        if (folder is null)
        {
            Assert.Null(BuildVersion.Commit);
            Assert.DoesNotContain("+", BuildVersion.Informational, StringComparison.Ordinal);
            return;
        }

        Assert.Matches("^[0-9a-f]{40}$", BuildVersion.Commit);
        Assert.EndsWith("+" + BuildVersion.Commit, BuildVersion.Informational, StringComparison.Ordinal);
    }
}
