using System.Net;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Meldroute.Tests.Features.Account;

/// <summary>Setting up the authenticator app may take the user a few minutes: the session must outlast the security-stamp check.</summary>
[Trait("Category", "Integration")]
public abstract class EnrolmentSessionTests(Database database)
{
    [Fact]
    public async Task A_user_who_takes_two_minutes_to_scan_the_code_is_still_signed_in_to_confirm_it()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new MeldrouteAppFactory(database, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var user = await app.CreateAsync(Roles.Reporter, enrolTwoFactor: false);
        var client = app.CreateBrowser();
        await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });

        var enrolPage = await (await client.GetAsync("/Account/EnrolAuthenticator")).Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(enrolPage, "data-testid=\"authenticator-key\">([a-z0-9 ]+)<").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        clock.Advance(TimeSpan.FromMinutes(2));

        var done = await client.PostFormAsync("/Account/EnrolAuthenticator", new Dictionary<string, string> { ["Input.Code"] = (user with { AuthenticatorKey = key }).CurrentCode() });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("data-testid=\"recovery-codes\"", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Intake/Mine")).StatusCode);
    }
}

public sealed class EnrolmentSessionTestsOnSqlite() : EnrolmentSessionTests(Database.Sqlite);

public sealed class EnrolmentSessionTestsOnPostgres() : EnrolmentSessionTests(Database.Postgres);
