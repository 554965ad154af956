using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Meldroute.BrowserTests;

/// <summary>
/// One app on a free loopback port and one headless Debian Chromium, shared by every test of the collection.
/// Playwright never downloads a browser here: it launches /usr/bin/chromium, or the one MELDROUTE_CHROMIUM names.
/// Each test opens its own browser context, so cookies (sign-in, language) never leak between tests.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumVariable = "MELDROUTE_CHROMIUM";
    public const string DefaultChromium = "/usr/bin/chromium";

    private readonly DemoAppFactory factory = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Where the app listens, without a trailing slash, e.g. http://127.0.0.1:40123.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The running app's services, to derive expectations from the app's own definitions.</summary>
    public IServiceProvider Services => factory.Services;

    public async Task InitializeAsync()
    {
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        BaseUrl = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single().TrimEnd('/');

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : DefaultChromium,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh browser context (no cookies) that asks for Dutch, as a Dutch browser would.</summary>
    public async Task<BrowserSession> NewSessionAsync()
    {
        var context = await (browser ?? throw new InvalidOperationException("The browser has not started.")).NewContextAsync(
            new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "nl-NL" });
        return new BrowserSession(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await factory.DisposeAsync();
    }
}

/// <summary>One test's browser context and its page; disposing closes the context.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public ValueTask DisposeAsync() => new(context.CloseAsync());
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}
