using System.Net;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Security;
using Npgsql;
using Xunit;

namespace Meldroute.Tests.Infrastructure.Jobs;

/// <summary>
/// Two app processes on two ports against one PostgreSQL database behave as one system: the key ring in the database
/// makes data, cookies, antiforgery tokens and bearer tokens of one instance valid on the other, and the daily
/// retention job runs once for both. Instance A gets its settings from environment variables, instance B from a
/// secrets folder (one file per setting), the two ways docs/operations.md describes.
/// </summary>
[Trait("Category", "Process")]
public sealed class SeveralInstancesTests
{
    private const string Description = "Signaal voor twee instanties: gezien bij een uitzendbureau aan de Kruisweg.";

    [Fact]
    public async Task Two_instances_on_one_PostgreSQL_share_signals_sessions_forms_and_run_the_daily_job_once()
    {
        // The in-process app makes the database and the accounts (with their authenticator keys); it runs no daily job.
        using var setup = new MeldrouteAppFactory(Database.Postgres);
        var reporterUser = await setup.CreateAsync(Roles.Reporter);
        var officerUser = await setup.CreateAsync(Roles.SpecialistOfficer);
        var secrets = Directory.CreateTempSubdirectory("meldroute-secrets-").FullName;
        await File.WriteAllTextAsync(Path.Combine(secrets, "ConnectionStrings__Meldroute"), setup.ConnectionString);
        await File.WriteAllTextAsync(Path.Combine(secrets, "Meldroute__KeyCertificatePassword"), TestKeyCertificate.Password);
        var common = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Meldroute__KeyCertificatePath"] = TestKeyCertificate.Path,
            // Midnight has always passed: each instance tries today's run as soon as it starts.
            ["Retention__DailyRunAt"] = "00:00",
        };

        await using var a = await AppProcess.StartAsync(new Dictionary<string, string>(common)
        {
            ["ConnectionStrings__Meldroute"] = setup.ConnectionString,
            ["Meldroute__KeyCertificatePassword"] = TestKeyCertificate.Password,
        });
        await using var b = await AppProcess.StartAsync(new Dictionary<string, string>(common) { ["Meldroute__SecretsPath"] = secrets });

        // A signal submitted on A through the API…
        using var reporter = new InstanceBrowser();
        await reporter.SignInForApiAsync(a, reporterUser);
        var submitted = await (await reporter.PostJsonAsync(a, "/api/signals", ProcedureApi.NewSignal(Description))).JsonAsync(HttpStatusCode.Created);
        var id = submitted.GetProperty("id").GetString()!;
        // …and A's bearer token is good on B.
        Assert.Contains(id, await (await reporter.GetAsync(b, "/api/my/signals")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The officer signs in through the form on A; the cookie opens the signal on B, decrypted with the shared keys.
        using var officer = new InstanceBrowser();
        await officer.SignInAsync(a, officerUser);
        var onB = await (await officer.GetAsync(b, $"/api/signals/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Description, onB.GetProperty("description").GetString());

        // A form fetched from A is posted to B: B accepts A's antiforgery token and records the analysis.
        var token = await officer.FormTokenAsync(a, $"/Handling/Signal/{id}");
        KeyValuePair<string, string>[] analysis =
        [
            new("Version", onB.GetProperty("version").GetString()!),
            new("Analysis.ClassifiedForms", "Labour"),
            new("Analysis.Urgency", "High"),
            new("Analysis.Notes", "Eerste analyse, op de tweede instantie."),
        ];
        var forged = await officer.PostFormAsync(b, $"/Handling/Signal/{id}?handler=Analysis", "not-a-token", analysis);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var posted = await officer.PostFormAsync(b, $"/Handling/Signal/{id}?handler=Analysis", token, analysis);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var handled = await (await officer.GetAsync(a, $"/api/signals/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("InAnalysis", handled.GetProperty("status").GetString());

        // Both instances tried today's retention run; one ran it.
        await a.WaitForOutputAsync("Daily retention run");
        await b.WaitForOutputAsync("Daily retention run");
        Assert.Equal(1, await CountAsync(setup.ConnectionString, "SELECT count(*) FROM \"JobRuns\" WHERE \"Job\" = 'retention'"));
        Assert.Equal(1, await CountAsync(setup.ConnectionString, "SELECT count(*) FROM \"AuditEvents\" WHERE \"Action\" = 'retention.run'"));
        Assert.Equal(1, new[] { a.Output, b.Output }.Count(o => o.Contains("ran on this instance", StringComparison.Ordinal)));
        Directory.Delete(secrets, recursive: true);
    }

    [Fact]
    public async Task PostgreSQL_without_a_certificate_for_the_key_ring_refuses_to_start()
    {
        var database = PostgresCluster.Instance.CreateDatabase();
        try
        {
            // As the service would start: refused with the reason and exit code 2, before touching the database.
            var (exitCode, output) = await OperatorProcess.RunAsync(Path.GetTempPath(), new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Meldroute"] = database,
            });

            Assert.True(exitCode == 2, $"exit code {exitCode}:\n{output}");
            Assert.Contains("Meldroute:KeyCertificatePath", output, StringComparison.Ordinal);
        }
        finally
        {
            PostgresCluster.Instance.DropDatabase(database);
        }
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
