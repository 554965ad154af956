using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Tests.Features.Intake;

/// <summary>Personal data and free text are stored encrypted: the raw database never holds them in plain text.</summary>
[Trait("Category", "Integration")]
public abstract class EncryptionTests(Database database)
{
    [Fact]
    public async Task A_submitted_marker_and_name_are_nowhere_in_the_raw_database_while_the_signal_is_open()
    {
        using var app = new MeldrouteAppFactory(database);
        var marker = "ENC" + Guid.NewGuid().ToString("N")[..16];
        var name = "Bogdana" + Guid.NewGuid().ToString("N")[..10];
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));

        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal($"Waarneming {marker} bij een kas in de polder, werkers slapen in containers.", victimName: name, exploiterName: name + " senior"))).GetProperty("id").GetString()!;
        await officer.PostAsync($"/api/signals/{id}/analysis", new { version = await officer.VersionAsync(id), classifiedForms = new[] { "Labour" }, urgency = "High", notes = $"Notitie {marker}" });

        var detail = await officer.GetSignalAsync(id);
        Assert.Contains(marker, detail.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(marker, detail.GetProperty("analysisNotes").GetString(), StringComparison.Ordinal);
        Assert.Contains(detail.GetProperty("people").EnumerateArray(), p => p.GetProperty("name").GetString() == name);
        Assert.Empty(await RawDatabase.ColumnsContainingAsync(app, marker));
        Assert.Empty(await RawDatabase.ColumnsContainingAsync(app, name));
        if (database == Database.Sqlite)
        {
            Assert.Empty(await RawDatabase.FilesContainingAsync(app, marker));
            Assert.Empty(await RawDatabase.FilesContainingAsync(app, name));
        }
    }
}

public sealed class EncryptionTestsOnSqlite() : EncryptionTests(Database.Sqlite);

public sealed class EncryptionTestsOnPostgres() : EncryptionTests(Database.Postgres);
