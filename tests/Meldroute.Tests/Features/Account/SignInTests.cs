using System.Net;
using System.Net.Http.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Account;

[Trait("Category", "Integration")]
public abstract class SignInTests(MeldrouteAppFactory app)
{
    [Fact]
    public async Task Api_login_with_password_and_authenticator_code_gives_a_bearer_token_that_opens_the_role_s_endpoints()
    {
        var user = await app.CreateAsync(Roles.PolicyAdvisor);
        using var client = await app.CreateApiClientAsync(user);

        var info = await client.GetAsync("/api/auth/manage/info");

        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        Assert.Contains(user.Email, await info.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_login_without_the_authenticator_code_is_refused()
    {
        var user = await app.CreateAsync(Roles.Reporter);
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_token_of_an_account_without_two_factor_opens_nothing_outside_demo_mode()
    {
        var user = await app.CreateAsync(Roles.Reporter, enrolTwoFactor: false);
        using var client = await app.CreateApiClientAsync(user);

        var response = await client.GetAsync("/api/auth/manage/info");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/auth/register")]
    [InlineData("/api/auth/forgotPassword")]
    [InlineData("/api/auth/resetPassword")]
    [InlineData("/api/auth/resendConfirmationEmail")]
    public async Task Self_registration_and_mail_based_account_endpoints_are_not_exposed(string path)
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync(path, new { email = "someone@example.org", password = "Whatever-password-1!" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Form_sign_in_asks_for_the_authenticator_code_and_then_opens_the_start_page()
    {
        var user = await app.CreateAsync(Roles.SpecialistOfficer);
        var client = app.CreateBrowser();

        var afterPassword = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.StartsWith("/Account/LoginWith2fa", afterPassword.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var beforeCode = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, beforeCode.StatusCode);

        var afterCode = await client.PostFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = user.CurrentCode() });
        Assert.Equal("/", afterCode.Headers.Location?.OriginalString);
        var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Contains("Aandachtsfunctionaris mensenhandel", await start.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_account_must_enrol_an_authenticator_app_at_first_sign_in_and_gets_recovery_codes()
    {
        var user = await app.CreateAsync(Roles.PrivacyOfficer, enrolTwoFactor: false);
        var client = app.CreateBrowser();

        var signIn = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.StartsWith("/Account/EnrolAuthenticator", signIn.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var blocked = await client.GetAsync("/Audit");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", blocked.Headers.Location?.AbsolutePath ?? blocked.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var enrolPage = await (await client.GetAsync("/Account/EnrolAuthenticator")).Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(enrolPage, "data-testid=\"authenticator-key\">([a-z0-9 ]+)<").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.Contains("data:image/png;base64,", enrolPage, StringComparison.Ordinal);
        var enrolled = user with { AuthenticatorKey = key };

        var wrong = await client.PostFormAsync("/Account/EnrolAuthenticator", new Dictionary<string, string> { ["Input.Code"] = "000000" == enrolled.CurrentCode() ? "111111" : "000000" });
        Assert.Contains("Deze code klopt niet", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var done = await client.PostFormAsync("/Account/EnrolAuthenticator", new Dictionary<string, string> { ["Input.Code"] = enrolled.CurrentCode() });
        var donePage = await done.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"recovery-codes\"", donePage, StringComparison.Ordinal);

        var audit = await client.GetAsync("/Audit");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_e_mail_address_and_says_so_in_Dutch_and_is_audited()
    {
        var user = await app.CreateAsync(Roles.Reporter);
        var client = app.CreateBrowser();

        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = "not-the-password" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Het e-mailadres of het wachtwoord klopt niet", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{user.Email}\"", html, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "signin.password" && e.ActorId == user.Id && e.Outcome == AuditOutcome.Failure));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var user = await app.CreateAsync(Roles.Reporter);
        var client = app.CreateBrowser();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = "wrong-" + i });
        }

        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });

        Assert.Contains("tijdelijk geblokkeerd", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_changes_the_initial_password_and_signs_in_with_the_new_one()
    {
        var user = await app.CreateAsync(Roles.Reporter);
        var client = await app.SignInAsync(user);

        var wrong = await client.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string> { ["Input.CurrentPassword"] = "fout", ["Input.NewPassword"] = "Nieuw-wachtwoord-2027", ["Input.ConfirmPassword"] = "Nieuw-wachtwoord-2027" });
        Assert.Contains("Het huidige wachtwoord klopt niet", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var weak = await client.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string> { ["Input.CurrentPassword"] = user.Password, ["Input.NewPassword"] = "kort", ["Input.ConfirmPassword"] = "kort" });
        Assert.Contains("ten minste 12 tekens", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var changed = await client.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string> { ["Input.CurrentPassword"] = user.Password, ["Input.NewPassword"] = "Nieuw-wachtwoord-2027", ["Input.ConfirmPassword"] = "Nieuw-wachtwoord-2027" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync(user with { Password = "Nieuw-wachtwoord-2027" })).GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session_and_is_audited()
    {
        var user = await app.CreateAsync(Roles.Administrator);
        var client = await app.SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Users")).StatusCode);

        var signOut = await client.PostFormAsync("/", new Dictionary<string, string>(), "/Account/Logout");

        Assert.StartsWith("/Account/Login", signOut.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Admin/Users")).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "signout" && e.ObjectId == user.Id));
    }

    [Fact]
    public async Task A_locked_account_answers_exactly_like_an_account_that_does_not_exist()
    {
        var user = await app.CreateAsync(Roles.Reporter);
        var unknown = "niemand-" + Guid.NewGuid().ToString("N")[..8] + "@gemeente.test";
        using var api = app.CreateClient();
        for (var i = 0; i < 6; i++)
        {
            await api.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong-" + i });
            await api.PostAsJsonAsync("/api/auth/login", new { email = unknown, password = "wrong-" + i });
        }

        var locked = await api.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password, twoFactorCode = user.CurrentCode() });
        var missing = await api.PostAsJsonAsync("/api/auth/login", new { email = unknown, password = user.Password });
        var lockedPage = await app.CreateBrowser().PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        var missingPage = await app.CreateBrowser().PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = unknown, ["Input.Password"] = user.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal((await missing.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString(), (await locked.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(missing.StatusCode, locked.StatusCode);
        static string Alert(string html) => System.Text.RegularExpressions.Regex.Match(html, "role=\"alert\"[^>]*>(.*?)</", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value.Trim();
        var lockedText = Alert(await lockedPage.Content.ReadAsStringAsync());
        Assert.Contains("tijdelijk geblokkeerd", lockedText, StringComparison.Ordinal);
        Assert.Equal(Alert(await missingPage.Content.ReadAsStringAsync()), lockedText);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents.AnyAsync(e => e.Action == "signin.password" && e.ActorId == user.Id && e.Purpose == "locked-out"));
    }
}

public sealed class SignInTestsOnSqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInTestsOnPostgres(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
