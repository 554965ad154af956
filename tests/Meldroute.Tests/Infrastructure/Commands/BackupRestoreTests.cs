using System.Net;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Privacy;
using Meldroute.Web.Infrastructure.Security;
using Xunit;

namespace Meldroute.Tests.Infrastructure.Commands;

/// <summary>
/// A backup restored into a fresh database holds every signal, readable with the backed-up keys: on SQLite through the
/// app's online `backup` command (taken while the app runs), on PostgreSQL through pg_dump and pg_restore.
/// </summary>
[Trait("Category", "Process")]
public abstract class BackupRestoreTests(Database database)
{
    [Fact]
    public async Task A_restored_backup_holds_every_signal_readable()
    {
        using var app = new MeldrouteAppFactory(database);
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var submitted = new Dictionary<string, string>();
        foreach (var place in new[] { "een vakantiepark", "een kas in de Haarlemmermeerpolder", "een massagesalon" })
        {
            var description = $"Signaal voor de terugzettest, gezien bij {place}.";
            submitted[(await reporter.SubmitAsync(ProcedureApi.NewSignal(description))).GetProperty("id").GetString()!] = description;
        }

        using var restored = await RestoreAsync(app);

        var officer = await restored.CreateApiClientAsync(officerUser);
        var list = await (await officer.GetAsync("/api/signals")).Content.ReadAsStringAsync();
        foreach (var (id, description) in submitted)
        {
            Assert.Contains(id, list, StringComparison.Ordinal);
            Assert.Equal(description, (await officer.GetSignalAsync(id)).GetProperty("description").GetString());
        }
    }

    /// <summary>Makes a backup of the running app's database and starts a second app on its restored copy, with the same keys.</summary>
    protected abstract Task<MeldrouteAppFactory> RestoreAsync(MeldrouteAppFactory app);
}

public sealed class BackupRestoreTestsOnSqlite() : BackupRestoreTests(Database.Sqlite)
{
    protected override async Task<MeldrouteAppFactory> RestoreAsync(MeldrouteAppFactory app)
    {
        // docs/operations.md: the database and then the data keys in one command, each into a new file.
        var folder = Directory.CreateTempSubdirectory("meldroute-backup-").FullName;
        var (copy, keys) = (Path.Combine(folder, "meldroute-backup.db"), Path.Combine(folder, "meldroute-data-keys.db"));
        var backup = await OperatorProcess.RunAsync(app, "backup", "--to", copy, "--keys-to", keys);
        Assert.True(backup.ExitCode == 0, backup.Output);
        foreach (var existing in new[] { copy, keys })
        {
            var again = await OperatorProcess.RunAsync(app, "backup", existing == copy ? "--to" : "--keys-to", existing);
            Assert.Equal(1, again.ExitCode);
        }

        // The restore: the copied file, the key ring files and the data-key copy in a new key folder; nothing else.
        var keyFolder = Directory.CreateTempSubdirectory("meldroute-restored-keys-").FullName;
        foreach (var file in Directory.GetFiles(app.KeysFolder).Where(f => !Path.GetFileName(f).StartsWith(DataKeyStore.SqliteFileName, StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(keyFolder, Path.GetFileName(file)));
        }

        File.Copy(keys, Path.Combine(keyFolder, DataKeyStore.SqliteFileName));
        var restored = new MeldrouteAppFactory(Database.Sqlite, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Meldroute"] = $"Data Source={copy}",
            ["Meldroute:KeysPath"] = keyFolder,
        });
        _ = restored.Services;
        return restored;
    }
}

public sealed class BackupRestoreTestsOnPostgres() : BackupRestoreTests(Database.Postgres)
{
    protected override Task<MeldrouteAppFactory> RestoreAsync(MeldrouteAppFactory app)
    {
        // The key ring comes back with the database; the certificate that decrypts it is kept apart.
        var restored = new MeldrouteAppFactory(Database.Postgres, settings: new Dictionary<string, string?>
        {
            // docs/operations.md: the database without the data keys, then the data keys alone, restored in that order.
            ["ConnectionStrings:Meldroute"] = PostgresCluster.Instance.Restore(
                (PostgresCluster.Instance.Dump(app.ConnectionString, "--format=custom", "--exclude-table-data=\"DataKeys\""), ["--no-owner", "--exit-on-error"]),
                (PostgresCluster.Instance.Dump(app.ConnectionString, "--format=custom", "--data-only", "--table=\"DataKeys\""), ["--no-owner", "--exit-on-error", "--data-only"])),
        });
        _ = restored.Services;
        return Task.FromResult(restored);
    }

    [Fact]
    public async Task The_backup_command_points_to_pg_dump_on_PostgreSQL()
    {
        using var app = new MeldrouteAppFactory(Database.Postgres);
        _ = app.Services;

        var backup = await OperatorProcess.RunAsync(app, "backup", "--to", Path.Combine(Path.GetTempPath(), "never-written.db"));

        Assert.Equal(2, backup.ExitCode);
        Assert.Contains("pg_dump", backup.Output, StringComparison.Ordinal);
    }
}
