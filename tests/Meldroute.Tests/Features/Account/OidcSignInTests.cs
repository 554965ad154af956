using System.Net;
using System.Text.RegularExpressions;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Account;

/// <summary>A test identity provider and an app that signs in through it (Meldroute:Oidc), one per test class.</summary>
public abstract class OidcApps(Database database) : IAsyncLifetime
{
    public TestIdentityProvider Idp { get; private set; } = null!;

    public MeldrouteAppFactory App { get; private set; } = null!;

    /// <summary>An app pointed at the test identity provider; <paramref name="issuer"/> is the issuer it expects.</summary>
    public MeldrouteAppFactory CreateApp(string? issuer = null) => new(database, settings: new Dictionary<string, string?>
    {
        ["Meldroute:Oidc:Enabled"] = "true",
        ["Meldroute:Oidc:Authority"] = Idp.Issuer,
        ["Meldroute:Oidc:Issuer"] = issuer ?? Idp.Issuer,
        ["Meldroute:Oidc:ClientId"] = TestIdentityProvider.ClientId,
        ["Meldroute:Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
        ["Meldroute:Oidc:DisplayName"] = "Gemeente-account",
        ["Meldroute:Oidc:RequireHttpsMetadata"] = "false",
        ["Meldroute:Oidc:RoleMap:meldroute-officer"] = Roles.SpecialistOfficer,
        ["Meldroute:Oidc:RoleMap:meldroute-reporter"] = Roles.Reporter,
        // Everything the sign-in logs, down to Trace, is checked for the e-mail address.
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Information",
    });

    public async Task InitializeAsync()
    {
        Idp = await TestIdentityProvider.StartAsync();
        App = CreateApp();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Idp.DisposeAsync();
    }
}

public sealed class OidcAppsOnSqlite() : OidcApps(Database.Sqlite);

public sealed class OidcAppsOnPostgres() : OidcApps(Database.Postgres);

/// <summary>
/// Sign-in through a real OpenID Connect server: discovery, authorization code with PKCE, the code exchanged over the
/// back channel and the id token verified, driven like a browser that follows each redirect across the two hosts.
/// </summary>
[Trait("Category", "Integration")]
public abstract partial class OidcSignInTests(OidcApps apps)
{
    private const string Officer = "meldroute-officer";
    private const string Reporter = "meldroute-reporter";

    [Fact]
    public async Task First_sign_in_creates_the_account_with_the_mapped_role_and_opens_its_pages_without_authenticator_enrolment()
    {
        var subject = TestSubject.New([Officer, "some-other-group"]);

        var flow = await SignInAsync(apps.App, subject, "/Handling");

        Assert.Equal(HttpStatusCode.OK, flow.Final.StatusCode);
        var page = await flow.Final.Content.ReadAsStringAsync();
        Assert.Contains("U bent ingelogd", page, StringComparison.Ordinal);
        Assert.Contains("http-equiv=\"refresh\" content=\"0;url=/Handling\"", page, StringComparison.Ordinal);
        var handling = await flow.Browser.GetAsync(ContinueLink().Match(page).Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, handling.StatusCode);

        var user = await FindAsync(apps.App, subject);
        Assert.NotNull(user);
        Assert.Equal(subject.Email, user.Email);
        Assert.Equal(subject.Name, user.DisplayName);
        Assert.False(user.TwoFactorEnabled);
        Assert.Null(user.PasswordHash);
        Assert.NotNull(user.LastSignInAt);
        Assert.Equal([Roles.SpecialistOfficer], await RolesAsync(apps.App, user));
        var events = await AuditAsync(apps.App);
        Assert.Contains(events, e => e.Action == "signin.oidc.succeeded" && e.ObjectId == user.Id && e.ActorRole == Roles.SpecialistOfficer);
        Assert.DoesNotContain(events, e => $"{e.ObjectId} {e.Purpose} {e.ActorRole}".Contains(subject.Email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(flow.Locations, l => l.Contains(subject.Email, StringComparison.OrdinalIgnoreCase) || l.Contains(Uri.EscapeDataString(subject.Email), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(apps.App.Logs.Lines, l => l.Contains(subject.Email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_login_page_offers_the_identity_provider_only_when_it_is_configured()
    {
        using var withIdp = apps.App.CreateBrowser();
        Assert.Contains("Inloggen met Gemeente-account", await withIdp.GetStringAsync("/Account/Login"), StringComparison.Ordinal);

        using var plain = new MeldrouteAppFactory(Database.Sqlite);
        using var browser = plain.CreateBrowser();
        Assert.DoesNotContain("Inloggen met", await browser.GetStringAsync("/Account/Login"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/Account/ExternalLogin?handler=Callback")).StatusCode);
    }

    [Fact]
    public async Task A_role_changed_at_the_identity_provider_is_applied_at_the_next_sign_in()
    {
        var subject = TestSubject.New([Officer]);
        await SignInAsync(apps.App, subject, "/Handling");
        var user = await FindAsync(apps.App, subject);
        Assert.NotNull(user);
        Assert.Equal([Roles.SpecialistOfficer], await RolesAsync(apps.App, user));

        var flow = await SignInAsync(apps.App, subject with { Roles = [Reporter] }, "/Intake/New");

        Assert.Equal(HttpStatusCode.OK, flow.Final.StatusCode);
        Assert.Equal([Roles.Reporter], await RolesAsync(apps.App, user));
        Assert.Equal(HttpStatusCode.OK, (await flow.Browser.GetAsync("/Intake/New")).StatusCode);
        var handling = await flow.Browser.GetAsync("/Handling");
        Assert.Equal("/Account/AccessDenied", handling.Headers.Location?.AbsolutePath);
        Assert.Contains(await AuditAsync(apps.App), e => e.Action == "user.role.changed" && e.ObjectId == user.Id);
    }

    [Fact]
    public async Task Without_a_mapped_role_the_sign_in_is_refused_with_a_message_no_account_is_made_and_it_is_audited()
    {
        var subject = TestSubject.New(["unknown-group"]);

        var flow = await SignInAsync(apps.App, subject, "/Handling");

        await AssertRefusedAsync(flow, "geen rol in Meldroute");
        Assert.Null(await FindAsync(apps.App, subject));
        Assert.Contains(await AuditAsync(apps.App), e => e.Action == "signin.oidc.refused" && e.Purpose == "no-role");
    }

    [Fact]
    public async Task Without_mfa_in_the_id_token_the_sign_in_is_refused()
    {
        var subject = TestSubject.New([Officer], amr: ["pwd"]);

        var flow = await SignInAsync(apps.App, subject, "/Handling");

        await AssertRefusedAsync(flow, "tweede factor");
        Assert.Null(await FindAsync(apps.App, subject));
        Assert.Contains(await AuditAsync(apps.App), e => e.Action == "signin.oidc.refused" && e.Purpose == "mfa-required");
    }

    [Fact]
    public async Task A_blocked_account_is_refused()
    {
        var subject = TestSubject.New([Officer]);
        await SignInAsync(apps.App, subject, "/Handling");
        var user = await FindAsync(apps.App, subject);
        Assert.NotNull(user);
        await using (var scope = apps.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<MeldrouteUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.MaxValue);
        }

        var flow = await SignInAsync(apps.App, subject, "/Handling");

        await AssertRefusedAsync(flow, "geblokkeerd");
        Assert.Contains(await AuditAsync(apps.App), e => e.Action == "signin.oidc.refused" && e.Purpose == "blocked" && e.ObjectId == user.Id);
    }

    [Fact]
    public async Task Roles_that_map_to_more_than_one_Meldroute_role_are_refused()
    {
        var subject = TestSubject.New([Officer, Reporter]);

        var flow = await SignInAsync(apps.App, subject, "/Handling");

        await AssertRefusedAsync(flow, "geeft meer dan");
        Assert.Null(await FindAsync(apps.App, subject));
        Assert.Contains(await AuditAsync(apps.App), e => e.Action == "signin.oidc.refused" && e.Purpose == "ambiguous-role");
    }

    [Fact]
    public async Task A_local_account_with_the_same_e_mail_address_is_not_taken_over()
    {
        var local = await apps.App.CreateAsync(Roles.Reporter);
        var subject = TestSubject.New([Officer]) with { Email = local.Email };

        var flow = await SignInAsync(apps.App, subject, "/Handling");

        await AssertRefusedAsync(flow, "bestaat al een Meldroute-account");
        Assert.Null(await FindAsync(apps.App, subject));
        Assert.Contains(await AuditAsync(apps.App), e => e.Action == "signin.oidc.refused" && e.Purpose == "email-in-use" && e.ObjectId == local.Id);
        await using var scope = apps.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MeldrouteUser>>();
        var account = (await users.FindByIdAsync(local.Id))!;
        Assert.Empty(await users.GetLoginsAsync(account));
        Assert.Equal([Roles.Reporter], await users.GetRolesAsync(account));
    }

    [Fact]
    public async Task The_second_factor_claim_goes_to_identity_provider_accounts_and_survives_a_rebuilt_principal_but_not_to_local_accounts_without_2fa()
    {
        var subject = TestSubject.New([Officer]);
        await SignInAsync(apps.App, subject, "/Handling");
        var local = await apps.App.CreateAsync(Roles.SpecialistOfficer, enrolTwoFactor: false);

        await using var scope = apps.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MeldrouteUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<MeldrouteUser>>();
        var external = await factory.CreateAsync((await users.FindByLoginAsync(OidcOptions.Scheme, subject.Subject))!);
        var password = await factory.CreateAsync((await users.FindByIdAsync(local.Id))!);

        Assert.True(external.HasClaim(TwoFactorSatisfiedRequirement.EnrolledClaim, "true"));
        Assert.False(password.HasClaim(TwoFactorSatisfiedRequirement.EnrolledClaim, "true"));
    }

    [Fact]
    public async Task An_id_token_from_another_issuer_than_the_configured_one_is_refused()
    {
        await using var app = apps.CreateApp(issuer: "https://login.gemeente.invalid/realms/meldroute");
        var subject = TestSubject.New([Officer]);

        var flow = await SignInAsync(app, subject, "/Handling");

        await AssertRefusedAsync(flow, "niet gelukt");
        Assert.Null(await FindAsync(app, subject));
        Assert.Contains(await AuditAsync(app), e => e.Action == "signin.oidc.refused" && e.Purpose == "wrong-issuer");
        Assert.Contains(app.Logs.Lines, l => l.Contains("wrong-issuer", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(subject.Email, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task AssertRefusedAsync(SignInFlow flow, string message)
    {
        Assert.Equal(HttpStatusCode.OK, flow.Final.StatusCode);
        Assert.Equal("/Account/Login", flow.Final.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(message, await flow.Final.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var handling = await flow.Browser.GetAsync("/Handling");
        Assert.Equal("/Account/Login", handling.Headers.Location?.AbsolutePath);
    }

    private sealed record SignInFlow(HttpClient Browser, HttpResponseMessage Final, IReadOnlyList<string> Locations);

    /// <summary>
    /// Presses "Inloggen met …" and follows every redirect by hand, to the identity provider or back to the app,
    /// each host with its own cookies. No step may answer with a server error.
    /// </summary>
    private async Task<SignInFlow> SignInAsync(MeldrouteAppFactory app, TestSubject subject, string returnUrl)
    {
        apps.Idp.Next = subject;
        var browser = app.CreateBrowser();
        using var idp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() });
        var response = await browser.PostFormAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), new Dictionary<string, string> { ["ReturnUrl"] = returnUrl }, "/Account/Login?handler=Oidc");
        var locations = new List<string>();
        for (var hops = 0; (int)response.StatusCode is >= 300 and < 400; hops++)
        {
            Assert.True(hops < 10, "Too many redirects: " + string.Join(" → ", locations));
            var location = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            locations.Add(location.ToString());
            response = await (location.Authority == apps.Idp.Host ? idp : browser).GetAsync(location);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} from {location.GetLeftPart(UriPartial.Path)}\n"
                + string.Join("\n", app.Logs.Lines.Concat(apps.Idp.Logs.Lines).Where(l => l.StartsWith("Error", StringComparison.Ordinal)).TakeLast(2)));
        }

        Assert.True(
            locations.Any(l => l.StartsWith(apps.Idp.Issuer + "connect/authorize", StringComparison.Ordinal)),
            $"Never at the identity provider; ended with {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}: {string.Join(" → ", locations)}\n"
            + string.Join("\n", app.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Warning", StringComparison.Ordinal)).TakeLast(3)));
        return new SignInFlow(browser, response, locations);
    }

    private static async Task<MeldrouteUser?> FindAsync(MeldrouteAppFactory app, TestSubject subject)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<MeldrouteUser>>().FindByLoginAsync(OidcOptions.Scheme, subject.Subject);
    }

    private static async Task<string[]> RolesAsync(MeldrouteAppFactory app, MeldrouteUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MeldrouteUser>>();
        return [.. await users.GetRolesAsync((await users.FindByIdAsync(user.Id))!)];
    }

    private static async Task<List<Meldroute.Web.Features.Audit.AuditEvent>> AuditAsync(MeldrouteAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents.AsNoTracking().ToListAsync();
    }

    [GeneratedRegex("<a class=\"utrecht-link\" id=\"continue\" href=\"([^\"]+)\"")]
    private static partial Regex ContinueLink();
}

public sealed class OidcSignInTestsOnSqlite(OidcAppsOnSqlite apps) : OidcSignInTests(apps), IClassFixture<OidcAppsOnSqlite>;

public sealed class OidcSignInTestsOnPostgres(OidcAppsOnPostgres apps) : OidcSignInTests(apps), IClassFixture<OidcAppsOnPostgres>;

/// <summary>An incomplete sign-in configuration, as the service would start with it: refused with each problem named, exit code 2.</summary>
[Trait("Category", "Process")]
public sealed class OidcSettingsRefusalTests
{
    [Fact]
    public async Task An_incomplete_configuration_stops_the_app_at_start()
    {
        var folder = Directory.CreateTempSubdirectory("meldroute-oidc-refusal-").FullName;
        try
        {
            var (exitCode, output) = await OperatorProcess.RunAsync(folder, new Dictionary<string, string>
            {
                ["Database__Provider"] = "Sqlite",
                ["ConnectionStrings__Meldroute"] = $"Data Source={Path.Combine(folder, "meldroute.db")}",
                ["Meldroute__KeysPath"] = Path.Combine(folder, "keys"),
                ["Meldroute__Oidc__Enabled"] = "true",
                ["Meldroute__Oidc__Authority"] = "https://login.gemeente.test/realms/meldroute",
                ["Meldroute__Oidc__ClientId"] = "meldroute",
                ["Meldroute__Oidc__RoleMap__meldroute-officer"] = "NoSuchRole",
            });

            Assert.True(exitCode == 2, $"exit code {exitCode}:\n{output}");
            Assert.Contains("Issuer", output, StringComparison.Ordinal);
            Assert.Contains("RoleMap", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
