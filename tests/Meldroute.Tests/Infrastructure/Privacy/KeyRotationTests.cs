using Microsoft.Extensions.DependencyInjection;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Privacy;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Tests.Infrastructure.Privacy;

/// <summary>`keys rotate` (an operator command in its own process) wraps every data key again with a new ring key and writes every value again.</summary>
[Trait("Category", "Process")]
public abstract class KeyRotationTests(Database database)
{
    [Fact]
    public async Task Keys_rotate_re_encrypts_every_value_with_a_new_key_and_everything_stays_readable()
    {
        using var app = new MeldrouteAppFactory(database);
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Signaal om het wisselen van de sleutel te controleren, bij een massagesalon."))).GetProperty("id").GetString()!;
        var before = await RawDatabase.StoredValuesAsync(app, "SELECT \"Description\" FROM \"Signals\"");
        var wrappedBefore = await WrappedKeyOfAsync(app);
        var keysBefore = KeyCount(app);

        var rotated = await OperatorProcess.RunAsync(app, "keys", "rotate");

        Assert.True(rotated.ExitCode == 0, rotated.Output);
        Assert.Equal(keysBefore + 1, KeyCount(app));
        var after = await RawDatabase.StoredValuesAsync(app, "SELECT \"Description\" FROM \"Signals\"");
        Assert.Single(after);
        Assert.NotEqual(before[0], after[0]);
        // The value stays under the signal's own data key (envelope encryption); that key is wrapped again with the new ring key.
        Assert.StartsWith(EnvelopeCipher.TextPrefix, after[0], StringComparison.Ordinal);
        var wrappedAfter = await WrappedKeyOfAsync(app);
        Assert.NotEqual(KeyIdOf(wrappedBefore), KeyIdOf(wrappedAfter));
        Assert.StartsWith("Signaal om het wisselen", (await officer.GetSignalAsync(id)).GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Keys in the ring as stored (a folder on SQLite, a table on PostgreSQL), read afresh.</summary>
    private static int KeyCount(MeldrouteAppFactory app) =>
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>().Value.XmlRepository!.GetAllElements().Count;

    /// <summary>The signal's data key as stored: wrapped by the key ring.</summary>
    private static async Task<byte[]> WrappedKeyOfAsync(MeldrouteAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var keyId = await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().Signals.Select(s => s.DataKeyId).SingleAsync();
        return app.Services.GetRequiredService<DataKeyStore>().ReadWrapped(keyId!.Value)!;
    }

    /// <summary>A Data Protection payload names its key in bytes 4–19 (after the magic header).</summary>
    private static Guid KeyIdOf(byte[] payload) => new(payload.AsSpan(4, 16));
}

public sealed class KeyRotationTestsOnSqlite() : KeyRotationTests(Database.Sqlite);

public sealed class KeyRotationTestsOnPostgres() : KeyRotationTests(Database.Postgres);
