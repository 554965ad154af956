using System.Net;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Meldroute.Tests.TestSupport;

/// <summary>
/// The test identity provider on 127.0.0.1 and the app (outside demo mode, so the second factor counts) on
/// localhost: two different sites, so Chromium applies its SameSite rules to the return from the identity provider.
/// </summary>
public sealed class OidcBrowserApp : IAsyncLifetime
{
    private IPlaywright? playwright;

    public TestIdentityProvider Idp { get; private set; } = null!;

    public MeldrouteAppFactory App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Idp = await TestIdentityProvider.StartAsync();
        Idp.Interactive = true;
        App = new MeldrouteAppFactory(Database.Sqlite, settings: new Dictionary<string, string?>
        {
            // Plain HTTP on loopback without the HTTPS redirect; not demo mode.
            ["environment"] = "Development",
            ["Meldroute:Oidc:Enabled"] = "true",
            ["Meldroute:Oidc:Authority"] = Idp.Issuer,
            ["Meldroute:Oidc:Issuer"] = Idp.Issuer,
            ["Meldroute:Oidc:ClientId"] = TestIdentityProvider.ClientId,
            ["Meldroute:Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
            ["Meldroute:Oidc:RequireHttpsMetadata"] = "false",
            ["Meldroute:Oidc:RoleMap:meldroute-officer"] = Roles.SpecialistOfficer,
        });
        App.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        var address = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        BaseUrl = $"http://localhost:{address.Port}";
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MELDROUTE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
        await Idp.DisposeAsync();
    }
}
