using Meldroute.Tests.TestSupport;
using Npgsql;

namespace Meldroute.Tests.Infrastructure.Privacy;

/// <summary>
/// An instance whose certificate cannot read the key ring (another installation's, or none) refuses to start with the
/// reason and exit code 2, and adds no key to the ring: serving, and the operator commands that prepare the database.
/// </summary>
[Trait("Category", "Process")]
public abstract class KeyRingCheckTests(Database database)
{
    [Fact]
    public async Task A_ring_protected_by_another_certificate_refuses_the_start_and_gets_no_new_key()
    {
        // The installation: its ring encrypted with the test certificate (on SQLite too, where it is optional).
        using var installation = new MeldrouteAppFactory(database, settings: new Dictionary<string, string?>
        {
            ["Meldroute:KeyCertificatePath"] = TestKeyCertificate.Path,
            ["Meldroute:KeyCertificatePassword"] = TestKeyCertificate.Password,
        });
        _ = installation.Services;
        var keysBefore = await KeyCountAsync(installation);
        Assert.Equal(1, keysBefore);

        var other = TestKeyCertificate.CreateAnother();
        foreach (var (certificate, args) in new (string?, string[])[] { (other, ["--urls=http://127.0.0.1:0"]), (other, ["migrate"]), (null, ["--urls=http://127.0.0.1:0"]) })
        {
            var environment = new Dictionary<string, string>
            {
                ["Database__Provider"] = installation.Provider.ToString(),
                ["ConnectionStrings__Meldroute"] = installation.ConnectionString,
                ["Meldroute__KeysPath"] = installation.KeysFolder,
                ["Retention__DailyJob"] = "false",
            };
            if (certificate is not null)
            {
                environment["Meldroute__KeyCertificatePath"] = certificate;
                environment["Meldroute__KeyCertificatePassword"] = TestKeyCertificate.Password;
            }

            var (exitCode, output) = await OperatorProcess.RunAsync(Path.GetTempPath(), environment, args);

            Assert.True(exitCode == 2, $"{string.Join(' ', args)} with {(certificate is null ? "no" : "another")} certificate: exit code {exitCode}\n{output}");
            if (certificate is null && database == Database.Postgres)
            {
                // On PostgreSQL a missing certificate is refused before the ring is read.
                Assert.Contains("- Op PostgreSQL staat de sleutelbos in de database", output, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("- De sleutelbos is niet te lezen", output, StringComparison.Ordinal);
                Assert.Contains("(the key ring's current key cannot be decrypted: wrong or missing key certificate)", output, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
            Assert.Equal(keysBefore, await KeyCountAsync(installation));
        }
    }

    private static async Task<int> KeyCountAsync(MeldrouteAppFactory app)
    {
        if (app.Database == Database.Sqlite)
        {
            return Directory.GetFiles(app.KeysFolder, "key-*.xml").Length;
        }

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM \"DataProtectionKeys\"", connection);
        return Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class KeyRingCheckTestsOnSqlite() : KeyRingCheckTests(Database.Sqlite);

public sealed class KeyRingCheckTestsOnPostgres() : KeyRingCheckTests(Database.Postgres);
