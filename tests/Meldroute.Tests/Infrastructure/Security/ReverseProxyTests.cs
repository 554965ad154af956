using System.Net;
using System.Net.Http.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Infrastructure.Security;

/// <summary>
/// Behind a reverse proxy on another machine (docs/operations.md): the proxy's X-Forwarded-Proto and X-Forwarded-For
/// count only when Meldroute:TrustedProxies names it; from anyone else they are ignored, so a client cannot claim HTTPS
/// or another address by sending the headers itself.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReverseProxyTests
{
    private const string Proxy = "10.20.30.40";
    private const string Client = "198.51.100.7";

    private static MeldrouteAppFactory App(bool listed, string from = Proxy) => new(
        Database.Sqlite,
        settings: listed ? new Dictionary<string, string?> { ["Meldroute:TrustedProxies"] = "192.0.2.1, " + Proxy } : null,
        services: s => s.AddSingleton<IStartupFilter>(new ConnectionsFrom(IPAddress.Parse(from))));

    [Fact]
    public async Task Loopback_is_not_believed_unless_it_is_listed()
    {
        // A local client (or anything that reaches the port through loopback) cannot claim HTTPS or another address:
        // rotating X-Forwarded-For would otherwise get it past the sign-in limit per address.
        using var local = App(listed: false, from: "127.0.0.1");

        var redirected = await SendAsync(local, "http://meldroute.test");
        Assert.Equal(Uri.UriSchemeHttps, redirected.Headers.Location?.Scheme);
        Assert.Equal("127.0.0.1", await FailedSignInAddressAsync(local));
    }

    [Fact]
    public async Task A_listed_proxy_s_scheme_and_client_address_count_and_an_unlisted_proxy_s_do_not()
    {
        using var listed = App(listed: true);
        using var unlisted = App(listed: false);

        // Plain HTTP from the proxy, which says the browser used HTTPS: served when the proxy is listed, else sent to HTTPS.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(listed, "http://meldroute.test")).StatusCode);
        var redirected = await SendAsync(unlisted, "http://meldroute.test");
        Assert.True(redirected.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect, redirected.StatusCode.ToString());
        Assert.Equal(Uri.UriSchemeHttps, redirected.Headers.Location?.Scheme);

        // The address in the audit log: the browser's from a listed proxy, the proxy's own from an unlisted one.
        Assert.Equal(Client, await FailedSignInAddressAsync(listed));
        Assert.Equal(Proxy, await FailedSignInAddressAsync(unlisted));
    }

    private static async Task<HttpResponseMessage> SendAsync(MeldrouteAppFactory app, string baseAddress, HttpContent? body = null, string path = "/Account/Login")
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });
        using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, path) { Content = body };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", Client);
        return await client.SendAsync(request);
    }

    private static async Task<string?> FailedSignInAddressAsync(MeldrouteAppFactory app)
    {
        var refused = await SendAsync(app, "https://meldroute.test", JsonContent.Create(new { email = "niemand@gemeente.test", password = "Verkeerd-wachtwoord-1" }), "/api/auth/login");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        return await db.AuditEvents.Where(e => e.Action == "signin.password").OrderByDescending(e => e.Sequence).Select(e => e.ClientAddress).FirstAsync();
    }

    /// <summary>Every connection comes from the given address, as from a reverse proxy on another machine.</summary>
    private sealed class ConnectionsFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, then) =>
            {
                context.Connection.RemoteIpAddress = address;
                return then(context);
            });
            next(app);
        };
    }
}
