using System.Net;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meldroute.Tests.Features.Shared;

/// <summary>What every response and session carries: headers, cookies, health, language, idle time-out.</summary>
[Trait("Category", "Integration")]
public abstract class PlatformTests(MeldrouteAppFactory app)
{
    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        // A real host name: HSTS is never sent to localhost.
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://meldroute.gemeente.test") });

        var response = await client.GetAsync("/Account/Login");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("max-age", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_outside_development()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://meldroute.gemeente.test") });

        var response = await client.GetAsync("/Account/Login");

        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect);
        Assert.Equal("https", response.Headers.Location?.Scheme);
    }

    [Fact]
    public async Task Session_and_antiforgery_cookies_are_secure_http_only_and_same_site_strict()
    {
        var user = await app.CreateAsync(Roles.Reporter);
        using var client = app.CreateBrowser();
        var form = await client.GetAsync("/Account/Login");
        var html = await form.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email, ["Input.Password"] = user.Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));

        var cookies = form.Headers.GetValues("Set-Cookie").Concat(response.Headers.GetValues("Set-Cookie")).ToList();
        Assert.NotEmpty(cookies);
        foreach (var cookie in cookies)
        {
            var lower = cookie.ToLowerInvariant();
            Assert.Contains("secure", lower, StringComparison.Ordinal);
            Assert.Contains("httponly", lower, StringComparison.Ordinal);
            Assert.Contains("samesite=strict", lower, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready_with_the_database()
    {
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_session_ends_after_the_configured_idle_time_of_20_minutes_by_default()
    {
        _ = app.Services;
        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Equal(TimeSpan.FromMinutes(20), cookie.ExpireTimeSpan);
        Assert.True(cookie.SlidingExpiration);
        using var client = app.CreateClient();
        var token = await client.PostAsync("/api/auth/login", System.Net.Http.Json.JsonContent.Create(new { email = "x@y.nl", password = "x" }));
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
    }

    [Fact]
    public async Task Dutch_is_the_default_and_English_follows_the_browser_s_language()
    {
        using var dutch = app.CreateBrowser();
        using var english = app.CreateBrowser();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");

        var nl = await (await dutch.GetAsync("/Account/Login")).Content.ReadAsStringAsync();
        var en = await (await english.GetAsync("/Account/Login")).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"nl\"", nl, StringComparison.Ordinal);
        Assert.Contains(">Inloggen</h1>", nl, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", en, StringComparison.Ordinal);
        Assert.Contains(">Sign in</h1>", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_remembers_the_choice_and_only_redirects_within_the_site()
    {
        using var client = app.CreateBrowser();

        var switched = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "https://evil.example/" }, "/culture");
        Assert.Equal("/", switched.Headers.Location?.OriginalString);

        var page = await (await client.GetAsync("/Account/Login")).Content.ReadAsStringAsync();
        Assert.Contains(">Sign in</h1>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_is_the_Dutch_not_found_page_for_everyone()
    {
        using var anonymous = app.CreateBrowser();
        var signedIn = await app.SignInAsync(await app.CreateAsync(Roles.Reporter));

        foreach (var client in new[] { anonymous, signedIn })
        {
            var response = await client.GetAsync("/bestaat-niet");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Pagina niet gevonden", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_api_path_answers_with_problem_details_not_a_login_page()
    {
        var user = await app.CreateAsync(Roles.Reporter);
        using var client = await app.CreateApiClientAsync(user);

        var response = await client.GetAsync("/api/auth/manage/info");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/auth/manage/info")).StatusCode);
    }
}

public sealed class PlatformTestsOnSqlite(SqliteApp app) : PlatformTests(app), IClassFixture<SqliteApp>;

public sealed class PlatformTestsOnPostgres(PostgresApp app) : PlatformTests(app), IClassFixture<PostgresApp>;
