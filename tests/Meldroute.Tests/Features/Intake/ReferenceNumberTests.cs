using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Intake;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Intake;

/// <summary>Signal references: MR-{year}-{number}, continuing from the year's counter (as earlier releases left it).</summary>
[Trait("Category", "Integration")]
public abstract class ReferenceNumberTests(Database database)
{
    [Fact]
    public async Task Numbering_continues_from_the_years_counter_and_counts_up()
    {
        using var app = new MeldrouteAppFactory(database);
        var year = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().Year;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            db.SignalReferenceCounters.Add(new SignalReferenceCounter { Year = year, Last = 41 });
            await db.SaveChangesAsync();
        }

        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var first = await reporter.SubmitAsync(ProcedureApi.NewSignal("Eerste signaal van het jaar na de telling van een eerdere versie."));
        var second = await reporter.SubmitAsync(ProcedureApi.NewSignal("Tweede signaal van het jaar na de telling van een eerdere versie."));

        Assert.Equal($"MR-{year}-0042", first.GetProperty("reference").GetString());
        Assert.Equal($"MR-{year}-0043", second.GetProperty("reference").GetString());
    }
}

public sealed class ReferenceNumberTestsOnSqlite() : ReferenceNumberTests(Database.Sqlite);

public sealed class ReferenceNumberTestsOnPostgres() : ReferenceNumberTests(Database.Postgres);
