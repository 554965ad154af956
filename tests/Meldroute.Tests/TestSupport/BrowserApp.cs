using System.Net;
using System.Net.Http.Json;
using Meldroute.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Meldroute.Tests.TestSupport;

/// <summary>
/// The app as `dotnet run` starts it (demo mode, SQLite file) on a real loopback port, and Debian's Chromium driven
/// by Playwright. Never downloads a browser: /usr/bin/chromium (or MELDROUTE_CHROMIUM).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private readonly MeldrouteAppFactory app = new(Database.Sqlite, demoMode: true);
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public MeldrouteAppFactory App => app;

    public async Task InitializeAsync()
    {
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MELDROUTE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context (own cookies), Dutch unless asked otherwise, 1,280 px wide unless a width is given.</summary>
    public async Task<IPage> NewPageAsync(string locale = "nl-NL", int? width = null)
    {
        var options = new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = locale };
        if (width is { } w)
        {
            options.ViewportSize = new ViewportSize { Width = w, Height = 844 };
        }

        var context = Patient(await Browser.NewContextAsync(options));
        return await context.NewPageAsync();
    }

    /// <summary>An API client on the app's real address, signed in as a demo account (demo mode: the password alone).</summary>
    public async Task<HttpClient> DemoApiAsync(string email)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { email, password = Meldroute.Web.Features.Demo.DemoSeeder.DemoPassword })).JsonAsync(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>
    /// Waits up to a minute for a page or an element instead of Playwright's 30 seconds: the test run shares two cores
    /// with every other test class, and a sign-in (a deliberately slow password hash) can take long under that load.
    /// A timeout only says when to give up; no test measures how long anything took.
    /// </summary>
    public static IBrowserContext Patient(IBrowserContext context)
    {
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        await app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}

/// <summary>
/// The sign-in pages' browser tests run on an app of their own. The second-factor test adds an account whose long
/// address widens the access review table, which FoundationBrowserTests checks with axe-core (a scrollable table is a
/// violation). In one class xunit's fixed order ran the axe-core test first; split into two classes of one collection,
/// the sign-in class ran first and the axe-core test failed on the access review page.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SignInBrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser (sign-in pages)";
}
