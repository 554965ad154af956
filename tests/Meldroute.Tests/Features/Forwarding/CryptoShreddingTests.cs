using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Privacy;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Meldroute.Tests.Features.Forwarding;

/// <summary>
/// "Deleted means unrecoverable" (issue 17): each signal's values are encrypted with a data key of its own, and the purge
/// destroys that key in its transaction. Proven on what an attacker with the installation's own keys would have: the
/// values as they were stored before the purge (in a write-ahead log, free pages, dead tuples, a backup) no longer
/// decrypt; the key leaves no copy in the files; a pg_dump after the purge holds nothing that decrypts to the signal;
/// and a backup taken while the signal was open, restored afterwards, shows it as purged.
/// </summary>
[Trait("Category", "Process")]
public abstract class CryptoShreddingTests(Database database)
{
    // Today at nine (UTC): the retention case moves the clock half a year on.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(9), TimeSpan.Zero));

    protected MeldrouteAppFactory NewApp() => new(database, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));

    /// <summary>Every encrypted column of the signal and its parts, as stored.</summary>
    private static readonly string[] ValuesOfSignal =
    [
        "SELECT \"Description\" FROM \"Signals\" WHERE \"Id\" = @id",
        "SELECT \"LocationDetail\" FROM \"Signals\" WHERE \"Id\" = @id",
        "SELECT \"AnalysisNotes\" FROM \"Signals\" WHERE \"Id\" = @id",
        "SELECT \"DecisionReason\" FROM \"Signals\" WHERE \"Id\" = @id",
        "SELECT \"NoYouthCareReason\" FROM \"Signals\" WHERE \"Id\" = @id",
        "SELECT \"NameOrDescription\" FROM \"SignalPeople\" WHERE \"SignalId\" = @id",
        "SELECT \"Assessment\" FROM \"AgendaItems\" WHERE \"SignalId\" = @id",
        "SELECT \"Reason\" FROM \"DecisionRoutes\" WHERE \"SignalId\" = @id",
        "SELECT \"HandoverSummary\" FROM \"DecisionRoutes\" WHERE \"SignalId\" = @id",
        "SELECT \"Outcome\" FROM \"BalancingOfInterests\" WHERE \"SignalId\" = @id",
    ];

    private object SignalId(string id) => database == Database.Sqlite ? id.ToUpperInvariant() : Guid.Parse(id);

    private async Task<List<string>> StoredValuesAsync(MeldrouteAppFactory app, string id)
    {
        var values = new List<string>();
        foreach (var sql in ValuesOfSignal)
        {
            values.AddRange(await RawDatabase.StoredValuesAsync(app, sql, ("id", SignalId(id))));
        }

        return values;
    }

    private static string? Decrypt(MeldrouteAppFactory app, string stored)
    {
        try
        {
            return app.Services.GetRequiredService<PersonalDataProtection>().Unprotect(stored);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The signal's data key row, read past the app: (wrapped key, destroyed at).</summary>
    protected async Task<(byte[]? Wrapped, bool Destroyed)> KeyRowAsync(MeldrouteAppFactory app, string id)
    {
        var keyId = (await RawDatabase.StoredValuesAsync(app, "SELECT CAST(\"DataKeyId\" AS TEXT) FROM \"Signals\" WHERE \"Id\" = @id", ("id", SignalId(id)))).Single();
        if (database == Database.Sqlite)
        {
            await using var keys = new SqliteConnection($"Data Source={Path.Combine(app.KeysFolder, DataKeyStore.SqliteFileName)};Pooling=False");
            await keys.OpenAsync();
            await using var command = keys.CreateCommand();
            command.CommandText = "SELECT \"WrappedKey\", \"DestroyedAt\" IS NOT NULL FROM \"DataKeys\" WHERE \"Id\" = $id";
            command.Parameters.AddWithValue("$id", keyId);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            return (reader.IsDBNull(0) ? null : (byte[])reader[0], reader.GetBoolean(1));
        }

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var pg = new NpgsqlCommand("SELECT \"WrappedKey\", \"DestroyedAt\" IS NOT NULL FROM \"DataKeys\" WHERE \"Id\" = @id", connection);
        pg.Parameters.AddWithValue("id", Guid.Parse(keyId));
        await using var row = await pg.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        return (row.IsDBNull(0) ? null : (byte[])row[0], row.GetBoolean(1));
    }

    protected static async Task<string> SubmitAsync(MeldrouteAppFactory app, string description, string name)
    {
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        return (await reporter.SubmitAsync(ProcedureApi.NewSignal(description, victimName: name))).GetProperty("id").GetString()!;
    }

    /// <summary>What an attacker holding the files after the purge finds of the signal's values and its key.</summary>
    /// <param name="plain">Text of the signal's own that no surviving record holds (the victim's name may live on in a victim dossier, under the dossier's key).</param>
    private async Task AssertNothingRecoverableAsync(MeldrouteAppFactory app, string id, List<string> storedBefore, byte[] wrappedBefore, params string[] plain)
    {
        var keyId = EnvelopeCipher.KeyIdOf(storedBefore[0]);
        // The values as stored before the purge (a WAL, a free page, a dead tuple, a backup keeps exactly these) no longer decrypt.
        foreach (var stored in storedBefore)
        {
            Assert.Null(Decrypt(app, stored));
        }

        var (wrapped, destroyed) = await KeyRowAsync(app, id);
        Assert.Null(wrapped);
        Assert.True(destroyed);

        if (database == Database.Sqlite)
        {
            // The files as they are while the app runs: database, key file, their logs and shared memory.
            foreach (var folder in new[] { app.DataFolder, app.KeysFolder })
            {
                var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList();
                Assert.Contains(files, f => f.EndsWith(DataKeyStore.SqliteFileName, StringComparison.Ordinal) || f.EndsWith(".db", StringComparison.Ordinal));
                foreach (var file in files)
                {
                    var bytes = ReadShared(file);
                    Assert.True(bytes.AsSpan().IndexOf(wrappedBefore) < 0, $"{Path.GetFileName(file)} still holds the destroyed data key");
                    foreach (var needle in storedBefore.Concat(plain))
                    {
                        Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) < 0, $"{Path.GetFileName(file)} still holds a value of the purged signal");
                    }
                }
            }

            return;
        }

        // PostgreSQL: after the retention run rewrote the key table and a checkpoint, no relation file holds the key.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RunRetention>().RunAsync();
            await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().Database.ExecuteSqlRawAsync("CHECKPOINT");
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(PostgresCluster.Instance.DataDirectory, "base"), "*", SearchOption.AllDirectories))
        {
            Assert.True(ReadShared(file).AsSpan().IndexOf(wrappedBefore) < 0, $"{file} still holds the destroyed data key");
        }

        // A pg_dump of everything, the key table included: every ciphertext in it is tried with the installation's keys.
        var dump = PostgresCluster.Instance.Dump(app.ConnectionString, "--format=plain");
        var text = await File.ReadAllTextAsync(dump);
        File.Delete(dump);
        Assert.Contains("DataKeys", text, StringComparison.Ordinal);
        var ciphertexts = Regex.Matches(text, @"(mr1\.|CfDJ8)[A-Za-z0-9_\-]+").Select(m => m.Value).ToList();
        Assert.NotEmpty(ciphertexts);
        foreach (var cipher in ciphertexts)
        {
            var decrypted = Decrypt(app, cipher) ?? "";
            if (EnvelopeCipher.IsEnvelope(cipher) && EnvelopeCipher.KeyIdOf(cipher) == keyId)
            {
                Assert.Equal("", decrypted);
            }

            foreach (var value in plain)
            {
                Assert.DoesNotContain(value, decrypted, StringComparison.Ordinal);
            }
        }

        foreach (var stored in storedBefore)
        {
            Assert.DoesNotContain(stored, text, StringComparison.Ordinal);
        }
    }

    protected static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Forwarding_destroys_the_signals_key_so_no_earlier_copy_of_its_values_decrypts()
    {
        using var app = NewApp();
        var marker = "MRK" + Guid.NewGuid().ToString("N")[..16];
        var name = "Zuzanna" + Guid.NewGuid().ToString("N")[..10];
        var id = await SubmitAsync(app, $"Waarneming {marker} in een hotel bij Schiphol, meisje lijkt minderjarig.", name);
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var member = await app.CreateAsync(Roles.CaseTableMember);
        var (_, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, id, member.Id, notes: $"Verrijking {marker}");
        await officer.BalanceAsync(id, victimRoute, (await app.EnsurePartnersAsync()).Care, outcome: $"uitkomst {name}");

        var stored = await StoredValuesAsync(app, id);
        Assert.True(stored.Count >= 8, string.Join(", ", stored.Select(s => s[..8])));
        Assert.All(stored, s => Assert.StartsWith(EnvelopeCipher.TextPrefix, s, StringComparison.Ordinal));
        // One key for all of them: the signal's own.
        Assert.Single(stored.Select(EnvelopeCipher.KeyIdOf).Distinct());
        Assert.Contains(stored, s => Decrypt(app, s) is { } plain && plain.Contains(marker, StringComparison.Ordinal));
        var (wrapped, destroyed) = await KeyRowAsync(app, id);
        Assert.NotNull(wrapped);
        Assert.False(destroyed);

        await app.ForwardAsync(officer, id, victimRoute, perpetratorRoute, balancingText: $"uitkomst {name}");

        await AssertNothingRecoverableAsync(app, id, stored, wrapped!, marker);
    }

    [Fact]
    public async Task A_backup_taken_while_the_signal_was_open_and_restored_after_forwarding_shows_it_as_purged()
    {
        using var app = NewApp();
        var name = "Zuzanna" + Guid.NewGuid().ToString("N")[..10];
        var id = await SubmitAsync(app, "Waarneming in een hotel bij Schiphol, meisje lijkt minderjarig.", name);
        var open = await SubmitAsync(app, "Signaal dat open blijft, bij een kas in de Haarlemmermeerpolder.", "Andrei Popescu");
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var officer = await app.CreateApiClientAsync(officerUser);
        var member = await app.CreateAsync(Roles.CaseTableMember);
        var (_, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, id, member.Id);

        var backup = await BackupAsync(app);
        await app.ForwardAsync(officer, id, victimRoute, perpetratorRoute);
        using var restored = await RestoreAsync(app, backup);

        var restoredOfficer = await restored.CreateApiClientAsync(officerUser);
        await AssertPurgedAfterRestoreAsync(restored, restoredOfficer, id, name);
        // The signal that stayed open is whole: the restore itself works.
        Assert.Equal("Signaal dat open blijft, bij een kas in de Haarlemmermeerpolder.", (await restoredOfficer.GetSignalAsync(open)).GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_retention_purge_destroys_the_key_too_and_a_backup_from_before_shows_the_signal_as_purged()
    {
        using var app = NewApp();
        var marker = "MRK" + Guid.NewGuid().ToString("N")[..16];
        var name = "Zuzanna" + Guid.NewGuid().ToString("N")[..10];
        var id = await SubmitAsync(app, $"Signaal {marker} dat zonder actie wordt afgesloten, bij een vakantiepark.", name);
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var officer = await app.CreateApiClientAsync(officerUser);
        await officer.PostAsync($"/api/signals/{id}/analysis", new { version = await officer.VersionAsync(id), classifiedForms = new[] { "Labour" }, urgency = "Normal", notes = $"Geen aanwijzingen {marker}." });
        await officer.PostAsync($"/api/signals/{id}/close", new { version = await officer.VersionAsync(id), reason = "Na navraag geen signalen van uitbuiting." });
        var stored = await StoredValuesAsync(app, id);
        var (wrapped, _) = await KeyRowAsync(app, id);
        var backup = await BackupAsync(app);

        clock.Advance(TimeSpan.FromDays(183));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<RunRetention>().RunAsync()).Purged);
        }

        await AssertNothingRecoverableAsync(app, id, stored, wrapped!, marker, name);
        using var restored = await RestoreAsync(app, backup);
        await AssertPurgedAfterRestoreAsync(restored, await restored.CreateApiClientAsync(officerUser), id, name);
    }

    [Fact]
    public async Task Data_stored_before_per_signal_keys_is_moved_under_the_signals_own_key_and_shredded_with_it()
    {
        using var app = NewApp();
        var marker = "MRK" + Guid.NewGuid().ToString("N")[..16];
        var name = "Zuzanna" + Guid.NewGuid().ToString("N")[..10];
        var id = await SubmitAsync(app, $"Waarneming {marker} in een hotel bij Schiphol, meisje lijkt minderjarig.", name);
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var member = await app.CreateAsync(Roles.CaseTableMember);
        var (_, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, id, member.Id, notes: $"Verrijking {marker}");

        // As an installation before this release stored it: every value with the key ring itself, no data key.
        var plainBefore = await RewriteAsLegacyAsync(app, id);
        Assert.All(await StoredValuesAsync(app, id), s => Assert.StartsWith("CfDJ8", s, StringComparison.Ordinal));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await DataKeyMigration.RunAsync(scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>()) >= 1);
        }

        var stored = await StoredValuesAsync(app, id);
        Assert.Equal(plainBefore.Count, stored.Count);
        Assert.All(stored, s => Assert.StartsWith(EnvelopeCipher.TextPrefix, s, StringComparison.Ordinal));
        Assert.Equal(plainBefore.Order(), stored.Select(s => Decrypt(app, s)!).Order());
        Assert.Equal(name, (await officer.GetSignalAsync(id)).GetProperty("people")[0].GetProperty("name").GetString());
        var (wrapped, _) = await KeyRowAsync(app, id);

        await app.ForwardAsync(officer, id, victimRoute, perpetratorRoute);

        await AssertNothingRecoverableAsync(app, id, stored, wrapped!, marker);
    }

    /// <summary>Re-encrypts the signal's stored values with the key ring and clears its data key, past EF Core; answers the plain values.</summary>
    private async Task<List<string>> RewriteAsLegacyAsync(MeldrouteAppFactory app, string id)
    {
        var protection = app.Services.GetRequiredService<PersonalDataProtection>();
        var plain = new List<string>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        foreach (var sql in ValuesOfSignal)
        {
            var (table, column) = (Regex.Match(sql, "FROM \"(\\w+)\"").Groups[1].Value, Regex.Match(sql, "SELECT \"(\\w+)\"").Groups[1].Value);
            foreach (var stored in await RawDatabase.StoredValuesAsync(app, sql, ("id", SignalId(id))))
            {
                var value = protection.Unprotect(stored)!;
                plain.Add(value);
                // Table and column come from the constant queries above, never from input.
#pragma warning disable EF1003
                await db.Database.ExecuteSqlRawAsync("UPDATE \"" + table + "\" SET \"" + column + "\" = {0} WHERE \"" + column + "\" = {1}", protection.Protect(value), stored);
#pragma warning restore EF1003
            }
        }

        await db.Database.ExecuteSqlRawAsync("UPDATE \"Signals\" SET \"DataKeyId\" = NULL WHERE \"Id\" = {0}", SignalId(id));
        return plain;
    }

    private async Task AssertPurgedAfterRestoreAsync(MeldrouteAppFactory restored, HttpClient officer, string id, string name)
    {
        var signal = await officer.GetSignalAsync(id);
        Assert.Equal(JsonValueKind.Null, signal.GetProperty("description").ValueKind);
        Assert.Empty(signal.GetProperty("people").EnumerateArray());
        Assert.Equal(DataKeyReconciliation.RestoredAfterPurgeRule, signal.GetProperty("deletionReceipt").GetProperty("rule").GetString());
        Assert.DoesNotContain(name, signal.GetRawText(), StringComparison.Ordinal);

        // The officer's page says so, and is no error page.
        var browser = await restored.SignInAsync(await restored.CreateAsync(Roles.SpecialistOfficer));
        var page = await browser.GetAsync($"/Handling/Signal/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Persoonsgegevens verwijderd", html, StringComparison.Ordinal);
        Assert.DoesNotContain(name, html, StringComparison.Ordinal);
    }

    /// <summary>A backup as docs/operations.md takes it; the data keys are not in it.</summary>
    protected abstract Task<string> BackupAsync(MeldrouteAppFactory app);

    /// <summary>Restores the backup as docs/operations.md does, with the installation's current keys; starts an app on it.</summary>
    protected abstract Task<MeldrouteAppFactory> RestoreAsync(MeldrouteAppFactory app, string backup);
}

public sealed class CryptoShreddingTestsOnSqlite() : CryptoShreddingTests(Database.Sqlite)
{
    protected override async Task<string> BackupAsync(MeldrouteAppFactory app)
    {
        var copy = Path.Combine(Directory.CreateTempSubdirectory("meldroute-backup-").FullName, "meldroute-backup.db");
        var backup = await OperatorProcess.RunAsync(app, "backup", "--to", copy);
        Assert.True(backup.ExitCode == 0, backup.Output);
        return copy;
    }

    protected override async Task<MeldrouteAppFactory> RestoreAsync(MeldrouteAppFactory app, string backup)
    {
        // docs/operations.md: the newest key copies (taken after the purge, a nightly one in practice): the data keys
        // with `backup --keys-to`, the key ring with tar leaving the live data-key file out; restored into a new folder.
        var folder = Directory.CreateTempSubdirectory("meldroute-keys-backup-").FullName;
        var dataKeys = Path.Combine(folder, "meldroute-data-keys.db");
        var keysCopy = await OperatorProcess.RunAsync(app, "backup", "--keys-to", dataKeys);
        Assert.True(keysCopy.ExitCode == 0, keysCopy.Output);
        var keyFolder = new DirectoryInfo(app.KeysFolder);
        var ring = Path.Combine(folder, "meldroute-key-ring.tgz");
        Run("tar", "-C", keyFolder.Parent!.FullName, "--exclude=data-keys.db*", "-czf", ring, keyFolder.Name);
        Assert.DoesNotContain(DataKeyStore.SqliteFileName, Run("tar", "-tzf", ring), StringComparison.Ordinal);

        var restoredRoot = Directory.CreateTempSubdirectory("meldroute-restored-").FullName;
        Run("tar", "-C", restoredRoot, "-xzf", ring);
        var restoredKeys = Path.Combine(restoredRoot, keyFolder.Name);
        File.Copy(dataKeys, Path.Combine(restoredKeys, DataKeyStore.SqliteFileName));
        var restored = new MeldrouteAppFactory(Database.Sqlite, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Meldroute"] = $"Data Source={backup}",
            ["Meldroute:KeysPath"] = restoredKeys,
        });
        _ = restored.Services;
        return restored;
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool}: {output}");
        return output;
    }
}

public sealed class CryptoShreddingTestsOnPostgres() : CryptoShreddingTests(Database.Postgres)
{
    /// <summary>
    /// VACUUM FULL copies a dead row version into the new file while a transaction that began before the deletion may
    /// still read it: the retention run waits for such a transaction before it rewrites the key table. Here a reader in
    /// REPEATABLE READ holds a snapshot from before the forwarding and ends a moment after the run began.
    /// </summary>
    [Fact]
    public async Task The_key_table_is_rewritten_after_a_transaction_that_could_still_read_the_destroyed_key_has_ended()
    {
        using var app = NewApp();
        var id = await SubmitAsync(app, "Waarneming in een nagelstudio, vrouw lijkt er ook te wonen.", "Lan" + Guid.NewGuid().ToString("N")[..10]);
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var member = await app.CreateAsync(Roles.CaseTableMember);
        var (_, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, id, member.Id);
        var (wrapped, _) = await KeyRowAsync(app, id);

        await using var reader = new NpgsqlConnection(app.ConnectionString);
        await reader.OpenAsync();
        var snapshot = await reader.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await using (var read = new NpgsqlCommand("SELECT count(*) FROM \"DataKeys\"", reader, snapshot))
        {
            await read.ExecuteScalarAsync();
        }

        await app.ForwardAsync(officer, id, victimRoute, perpetratorRoute);
        var (after, destroyed) = await KeyRowAsync(app, id);
        Assert.Null(after);
        Assert.True(destroyed);

        Task run;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            run = scope.ServiceProvider.GetRequiredService<RunRetention>().RunAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.False(run.IsCompleted, "the retention run rewrote the key table while an older transaction was open");
            await snapshot.CommitAsync();
            await run;
            await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().Database.ExecuteSqlRawAsync("CHECKPOINT");
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(PostgresCluster.Instance.DataDirectory, "base"), "*", SearchOption.AllDirectories))
        {
            Assert.True(ReadShared(file).AsSpan().IndexOf(wrapped) < 0, $"{file} still holds the destroyed data key");
        }
    }

    protected override Task<string> BackupAsync(MeldrouteAppFactory app) =>
        Task.FromResult(PostgresCluster.Instance.Dump(app.ConnectionString, "--format=custom", "--exclude-table-data=\"DataKeys\""));

    protected override Task<MeldrouteAppFactory> RestoreAsync(MeldrouteAppFactory app, string backup)
    {
        // The key dump is the newest one, taken after the purge (a nightly one in practice).
        var keys = PostgresCluster.Instance.Dump(app.ConnectionString, "--format=custom", "--data-only", "--table=\"DataKeys\"");
        var restored = new MeldrouteAppFactory(Database.Postgres, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Meldroute"] = PostgresCluster.Instance.Restore(
                (backup, ["--no-owner", "--exit-on-error"]),
                (keys, ["--no-owner", "--exit-on-error", "--data-only"])),
        });
        _ = restored.Services;
        return Task.FromResult(restored);
    }
}
