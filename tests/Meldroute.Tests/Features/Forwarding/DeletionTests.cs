using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Tests.Features.Forwarding;

/// <summary>
/// "Nadat de signalen vanuit het meldpunt zijn doorgezet worden deze direct definitief verwijderd": the stored
/// (encrypted) values of the free text and of a person's name are in the database before forwarding, and after
/// forwarding in no file of the SQLite data folder (the write-ahead log included, scanned while the app runs) and
/// in no column of any PostgreSQL table.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DeletionTests
{
    private static async Task<(MeldrouteAppFactory App, string Id, Func<Task> Forward)> SubmittedAsync(Database database, string marker, string name)
    {
        var app = new MeldrouteAppFactory(database);
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var member = await app.CreateAsync(Roles.CaseTableMember);
        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal($"Waarneming {marker} in een hotel bij Schiphol, meisje lijkt minderjarig.", victimName: name))).GetProperty("id").GetString()!;

        async Task Forward()
        {
            var (_, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, id, member.Id, notes: $"Verrijking {marker}");
            await app.ForwardAsync(officer, id, victimRoute, perpetratorRoute, balancingText: $"uitkomst {name}");
        }

        return (app, id, Forward);
    }

    /// <summary>What the database stores for the description and the people's names of the signal.</summary>
    private static async Task<List<string>> StoredContentAsync(MeldrouteAppFactory app, string id) =>
        [.. await RawDatabase.StoredValuesAsync(app, "SELECT \"Description\" FROM \"Signals\" WHERE \"Id\" = @id", ("id", SignalId(app, id))),
         .. await RawDatabase.StoredValuesAsync(app, "SELECT \"NameOrDescription\" FROM \"SignalPeople\" WHERE \"SignalId\" = @id", ("id", SignalId(app, id)))];

    // SQLite keeps GUIDs as upper-case text; PostgreSQL as uuid.
    private static object SignalId(MeldrouteAppFactory app, string id) => app.Database == Database.Sqlite ? id.ToUpperInvariant() : Guid.Parse(id);

    [Fact]
    public async Task On_SQLite_the_stored_text_and_name_are_in_the_data_files_before_forwarding_and_in_no_file_after()
    {
        var marker = "MRK" + Guid.NewGuid().ToString("N")[..16];
        var name = "Zuzanna" + Guid.NewGuid().ToString("N")[..10];
        var (app, id, forward) = await SubmittedAsync(Database.Sqlite, marker, name);
        using (app)
        {
            var stored = await StoredContentAsync(app, id);
            Assert.Equal(3, stored.Count);
            foreach (var value in stored)
            {
                Assert.NotEmpty(await RawDatabase.FilesContainingAsync(app, value));
            }

            await forward();

            // While the app still runs: the write-ahead log is there, and forwarding's own checkpoint has emptied it.
            Assert.Contains(Directory.EnumerateFiles(app.DataFolder, "*-wal", SearchOption.AllDirectories), f => f.EndsWith("-wal", StringComparison.Ordinal));
            foreach (var value in stored.Append(marker).Append(name))
            {
                Assert.Empty(RawDatabase.FilesAsTheyAreContaining(app, value));
            }
        }
    }

    [Fact]
    public async Task On_PostgreSQL_the_stored_text_and_name_are_in_no_column_of_any_table_after_forwarding()
    {
        var marker = "MRK" + Guid.NewGuid().ToString("N")[..16];
        var name = "Zuzanna" + Guid.NewGuid().ToString("N")[..10];
        var (app, id, forward) = await SubmittedAsync(Database.Postgres, marker, name);
        using (app)
        {
            var stored = await StoredContentAsync(app, id);
            Assert.Equal(3, stored.Count);
            foreach (var value in stored)
            {
                Assert.NotEmpty(await RawDatabase.ColumnsContainingAsync(app, value));
            }

            await forward();

            foreach (var value in stored.Append(marker).Append(name))
            {
                Assert.Empty(await RawDatabase.ColumnsContainingAsync(app, value));
            }
        }
    }
}
