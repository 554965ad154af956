using Microsoft.Extensions.DependencyInjection;
using Meldroute.Tests.Infrastructure;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Tests.Features.Signals;

/// <summary>Personal data and free text are stored encrypted: the raw database never holds them in plain text.</summary>
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

    [Fact]
    public async Task Keys_rotate_re_encrypts_every_value_with_a_new_key_and_everything_stays_readable()
    {
        using var app = new MeldrouteAppFactory(database);
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Signaal om het wisselen van de sleutel te controleren, bij een massagesalon."))).GetProperty("id").GetString()!;
        var before = await RawDatabase.StoredValuesAsync(app, "SELECT \"Description\" FROM \"Signals\"");
        var keysBefore = KeyCount(app);

        var rotated = await OperatorProcess.RunAsync(app, "keys", "rotate");

        Assert.True(rotated.ExitCode == 0, rotated.Output);
        Assert.Equal(keysBefore + 1, KeyCount(app));
        var after = await RawDatabase.StoredValuesAsync(app, "SELECT \"Description\" FROM \"Signals\"");
        Assert.Single(after);
        Assert.NotEqual(before[0], after[0]);
        Assert.NotEqual(KeyIdOf(before[0]), KeyIdOf(after[0]));
        Assert.StartsWith("Signaal om het wisselen", (await officer.GetSignalAsync(id)).GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Keys in the ring as stored (a folder on SQLite, a table on PostgreSQL), read afresh.</summary>
    private static int KeyCount(MeldrouteAppFactory app) =>
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>().Value.XmlRepository!.GetAllElements().Count;

    /// <summary>A Data Protection payload names its key in bytes 4–19 (after the magic header).</summary>
    private static Guid KeyIdOf(string payload)
    {
        var base64 = payload.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        return new Guid(Convert.FromBase64String(base64).AsSpan(4, 16));
    }
}

public sealed class EncryptionTestsOnSqlite() : EncryptionTests(Database.Sqlite);

public sealed class EncryptionTestsOnPostgres() : EncryptionTests(Database.Postgres);
