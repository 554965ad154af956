using System.Net;
using System.Net.Http.Json;
using System.Text;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using nietras.SeparatedValues;

namespace Meldroute.Tests.Features.Audit;

/// <summary>The privacy officer finds who has seen a signal, searches by user and exports a period as CSV.</summary>
[Trait("Category", "Integration")]
public abstract class AuditSearchTests(MeldrouteAppFactory app)
{
    [Fact]
    public async Task Who_has_seen_this_signal_by_user_and_as_CSV()
    {
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var officer = await app.CreateApiClientAsync(officerUser);
        var privacy = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PrivacyOfficer));
        var submitted = await reporter.SubmitAsync(ProcedureApi.NewSignal("Signaal om te zien wie het heeft ingezien, bij een uitzendbureau."));
        var reference = submitted.GetProperty("reference").GetString()!;
        await officer.GetSignalAsync(submitted.GetProperty("id").GetString()!);

        var seen = await (await privacy.GetAsync($"/api/audit/events?object={reference}&action=signal.read")).JsonAsync(HttpStatusCode.OK);
        var read = Assert.Single(seen.GetProperty("rows").EnumerateArray());
        Assert.Equal(officerUser.Email, read.GetProperty("actor").GetString());
        Assert.Equal("handling", read.GetProperty("purpose").GetString());

        var byUser = await (await privacy.GetAsync($"/api/audit/events?userId={officerUser.Id}")).JsonAsync(HttpStatusCode.OK);
        Assert.All(byUser.GetProperty("rows").EnumerateArray(), r => Assert.Equal(officerUser.Email, r.GetProperty("actor").GetString()));
        Assert.Contains(byUser.GetProperty("rows").EnumerateArray(), r => r.GetProperty("action").GetString() == "signin.authenticator");

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var export = await privacy.GetAsync($"/api/audit/export?from={today}&to={today}&object={reference}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        using var csv = Sep.Reader().FromText(Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        var actions = new List<string>();
        foreach (var row in csv)
        {
            Assert.Equal(reference, row["object_id"].ToString());
            actions.Add(row["action"].ToString());
        }

        Assert.Contains("signal.submitted", actions);
        Assert.Contains("signal.read", actions);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents.AnyAsync(e => e.Action == "audit.exported"));
    }

    [Fact]
    public async Task An_account_in_the_log_is_named_by_its_name_and_address_not_its_id()
    {
        var adminUser = await app.CreateAsync(Roles.Administrator);
        var admin = await app.CreateApiClientAsync(adminUser);
        var privacyUser = await app.CreateAsync(Roles.PrivacyOfficer);
        var privacy = await app.CreateApiClientAsync(privacyUser);
        var blocked = await app.CreateAsync(Roles.Reporter);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/users/{blocked.Id}/block", new { })).StatusCode);

        var found = await (await privacy.GetAsync($"/api/audit/events?object={blocked.Id}&action=user.blocked")).JsonAsync(HttpStatusCode.OK);
        var row = Assert.Single(found.GetProperty("rows").EnumerateArray());
        Assert.Equal(adminUser.Email, row.GetProperty("actor").GetString());
        Assert.Equal($"Test {Roles.Reporter} ({blocked.Email})", row.GetProperty("objectName").GetString());

        // The privacy officer's page shows the same names; the id appears in neither column.
        var page = await (await app.SignInAsync(privacyUser)).GetStringAsync($"/Audit?Query.Object={blocked.Id}&Query.Action=user.blocked");
        var body = System.Net.WebUtility.HtmlDecode(page[page.IndexOf("<tbody", StringComparison.Ordinal)..page.IndexOf("</tbody>", StringComparison.Ordinal)]);
        Assert.Contains($"user Test {Roles.Reporter} ({blocked.Email})", body, StringComparison.Ordinal);
        Assert.Contains(adminUser.Email, body, StringComparison.Ordinal);
        Assert.DoesNotContain(blocked.Id, body, StringComparison.Ordinal);
        Assert.DoesNotContain(adminUser.Id, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_without_events_is_empty_and_the_verification_is_available_as_json()
    {
        var privacy = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PrivacyOfficer));

        var old = await (await privacy.GetAsync("/api/audit/events?from=2001-01-01&to=2001-12-31&count=true")).JsonAsync(HttpStatusCode.OK);
        var verification = await (await privacy.GetAsync("/api/audit/verification")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(0, old.GetProperty("total").GetInt32());
        Assert.True(verification.GetProperty("isIntact").GetBoolean());
    }
}

public sealed class AuditSearchTestsOnSqlite(SqliteApp app) : AuditSearchTests(app), IClassFixture<SqliteApp>;

public sealed class AuditSearchTestsOnPostgres(PostgresApp app) : AuditSearchTests(app), IClassFixture<PostgresApp>;
