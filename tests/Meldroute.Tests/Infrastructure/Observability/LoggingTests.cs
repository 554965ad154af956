using System.Net.Http.Json;
using Meldroute.Tests.TestSupport;

namespace Meldroute.Tests.Infrastructure.Observability;

/// <summary>Nothing a user types reaches the logs, even with every category at Trace.</summary>
[Trait("Category", "Integration")]
public sealed class LoggingTests
{
    [Theory]
    [InlineData(Database.Sqlite)]
    [InlineData(Database.Postgres)]
    public async Task A_marker_typed_into_forms_and_the_api_never_appears_in_the_log_output(Database database)
    {
        const string Marker = "MARKER-7f3c9e-Jansen";
        using var app = new MeldrouteAppFactory(database, settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
        });
        using var browser = app.CreateBrowser();

        await browser.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = Marker + "@example.org", ["Input.Password"] = Marker });
        await browser.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = Marker, ["Input.Password"] = Marker });
        using var api = app.CreateClient();
        await api.PostAsJsonAsync("/api/auth/login", new { email = Marker + "@example.org", password = Marker, twoFactorCode = Marker });
        await api.PostAsync("/api/auth/login", new StringContent("{\"email\": \"" + Marker + "\", broken json", System.Text.Encoding.UTF8, "application/json"));

        // The intake: through the API (valid and invalid) and through the form's review step.
        var reporter = await app.CreateAsync(Meldroute.Web.Infrastructure.Security.Roles.Reporter);
        var reporterApi = await app.CreateApiClientAsync(reporter);
        await reporterApi.SubmitAsync(ProcedureApi.NewSignal($"Waarneming {Marker} in een hotel, lange dagen zonder loon.", victimName: Marker));
        await reporterApi.PostAsJsonAsync("/api/signals", new { description = Marker, people = new[] { new { role = "Unknown", name = Marker } } });
        var reporterForm = await app.SignInAsync(reporter);
        await reporterForm.PostFormAsync("/Intake/New", new Dictionary<string, string> { ["Input.Description"] = Marker, ["Input.People[0].Name"] = Marker, ["IdempotencyKey"] = "k" }, "/Intake/New?handler=Review");

        Assert.NotEmpty(app.Logs.Lines);
        var leaked = app.Logs.Lines.Where(l => l.Contains(Marker, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(leaked.Count == 0, "Leaked into logs:\n" + string.Join("\n", leaked));
    }
}
