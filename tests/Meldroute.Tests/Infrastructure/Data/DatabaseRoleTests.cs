using System.Text.RegularExpressions;
using Meldroute.Tests.TestSupport;

namespace Meldroute.Tests.Infrastructure.Data;

/// <summary>
/// The PostgreSQL database and roles exactly as docs/operations.md ("The database and its roles") makes them: the app
/// role migrates and serves, the backup role takes the documented dumps, and a role without the documented rights gets
/// a clear refusal (exit code 2) instead of an unhandled 42501.
/// </summary>
[Trait("Category", "Process")]
public sealed partial class DatabaseRoleTests
{
    [Fact]
    public async Task The_documented_roles_migrate_and_back_up_and_a_role_without_rights_is_refused_clearly()
    {
        var name = $"mr_docs_{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..6]}";
        // The doc's names, made unique in the shared test cluster (roles are cluster-wide).
        var script = MeldrouteName().Replace(DocumentedSql().Replace("meldroute_backup", name + "_backup"), name);
        PostgresCluster.Instance.Psql(script);
        var cluster = PostgresCluster.Instance;
        var port = cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("meldroute-roles-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Meldroute__KeyCertificatePath"] = TestKeyCertificate.Path,
            ["Meldroute__KeyCertificatePassword"] = TestKeyCertificate.Password,
        };

        // A role that does not own the database (only CONNECT) cannot create the schema: a clear refusal.
        cluster.Psql($"CREATE ROLE {name}_other LOGIN; GRANT CONNECT ON DATABASE {name} TO {name}_other;");
        environment["ConnectionStrings__Meldroute"] = $"Host=127.0.0.1;Port={port};Database={name};Username={name}_other";
        var refused = await OperatorProcess.RunAsync(folder, environment, "migrate");
        Assert.True(refused.ExitCode == 2, refused.Output);
        Assert.Contains("- De databaserol van ConnectionStrings:Meldroute heeft niet genoeg rechten (42501", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", refused.Output, StringComparison.Ordinal);

        // The documented app role: migrate, then nothing is pending.
        environment["ConnectionStrings__Meldroute"] = $"Host=127.0.0.1;Port={port};Database={name};Username={name}";
        var migrated = await OperatorProcess.RunAsync(folder, environment, "migrate");
        Assert.True(migrated.ExitCode == 0, migrated.Output);
        var list = await OperatorProcess.RunAsync(folder, environment, "migrate", "--list");
        Assert.True(list.ExitCode == 0, list.Output);
        Assert.Contains("0 pending migration(s)", list.Output, StringComparison.Ordinal);

        // The documented backup role takes both documented dumps.
        var backup = $"host=127.0.0.1 port={port} dbname={name} user={name}_backup";
        Assert.True(new FileInfo(cluster.DumpWith(backup, "--format=custom", "--exclude-table-data=\"DataKeys\"")).Length > 0);
        Assert.True(new FileInfo(cluster.DumpWith(backup, "--format=custom", "--data-only", "--table=\"DataKeys\"")).Length > 0);

        cluster.Psql($"DROP DATABASE {name} WITH (FORCE); DROP ROLE {name}_other; DROP ROLE {name}_backup; DROP ROLE {name};");
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The SQL block of docs/operations.md under "The database and its roles".</summary>
    private static string DocumentedSql()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "operations.md"));
        var section = doc[doc.IndexOf("### The database and its roles", StringComparison.Ordinal)..];
        var block = SqlBlock().Match(section);
        Assert.True(block.Success, "docs/operations.md has no ```sql block under \"The database and its roles\"");
        return block.Groups[1].Value;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Meldroute.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Meldroute.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"```sql\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();

    [GeneratedRegex(@"\bmeldroute\b")]
    private static partial Regex MeldrouteName();
}
