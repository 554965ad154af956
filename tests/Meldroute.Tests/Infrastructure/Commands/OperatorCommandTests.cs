using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Audit;
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

        var migrate = await OperatorProcess.RunAsync(app, "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Output);

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
}

public sealed class OperatorCommandTestsOnSqlite() : OperatorCommandTests(Database.Sqlite);

public sealed class OperatorCommandTestsOnPostgres() : OperatorCommandTests(Database.Postgres);
