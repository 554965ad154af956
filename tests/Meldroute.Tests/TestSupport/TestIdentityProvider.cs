using System.Collections.Immutable;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Meldroute.Tests.TestSupport;

/// <summary>Who the identity provider signs in next: the claims a municipality's directory would assert.</summary>
public sealed record TestSubject(string Subject, string Email, string Name, string[] Roles, string[] Amr)
{
    public static TestSubject New(string[] roles, string[]? amr = null)
    {
        var id = Guid.NewGuid().ToString("N");
        return new TestSubject(id, $"idp-{id[..12]}@gemeente.test", "Medewerker " + id[..6], roles, amr ?? ["pwd", "mfa"]);
    }
}

/// <summary>
/// A real OpenID Connect server (OpenIddict, degraded mode: no client or token store) on a loopback port of the test
/// process: discovery, JWKS, an authorization endpoint that signs in <see cref="Next"/> without asking, and a token
/// endpoint that exchanges the code (with PKCE) for a signed id token.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "meldroute";
    public const string ClientSecret = "test-only-secret";

    private readonly WebApplication app;

    private TestIdentityProvider(WebApplication app, string issuer, CapturingLoggerProvider logs)
    {
        this.app = app;
        Issuer = issuer;
        Logs = logs;
    }

    /// <summary>What the server logged, for a failing test to show.</summary>
    public CapturingLoggerProvider Logs { get; }

    /// <summary>The server's issuer as it writes it into tokens and its discovery document: "http://127.0.0.1:port/".</summary>
    public string Issuer { get; }

    public string Host => new Uri(Issuer).Authority;

    /// <summary>
    /// Show a page with a "Doorgaan" link before signing in, as a real identity provider shows its sign-in form, so
    /// that the way back is a navigation started on the identity provider's site (cross-site for the app).
    /// </summary>
    public bool Interactive { get; set; }

    /// <summary>The subject the authorization endpoint signs in.</summary>
    public TestSubject? Next { get; set; }

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.DisableAccessTokenEncryption();
            o.EnableDegradedMode();
            o.DisableTokenStorage();
            // Degraded mode has no client store: the one client is checked here.
            o.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.RedirectUri?.EndsWith("/signin-oidc", StringComparison.Ordinal) != true)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or redirect URI.");
                }

                return default;
            }));
            o.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
                }

                return default;
            }));
            o.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableTokenEndpointPassthrough()
                .DisableTransportSecurityRequirement();
        });

        var web = builder.Build();
        TestIdentityProvider? provider = null;
        web.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            if (provider!.Interactive && context.Request.Query["confirm"] != "yes")
            {
                // A page of the identity provider's own site: what follows is a navigation that this site starts.
                var next = WebUtility.HtmlEncode(context.Request.Path + context.Request.QueryString + "&confirm=yes");
                return Results.Content($"<!DOCTYPE html><html lang=\"nl\"><title>IdP</title><a id=\"confirm\" href=\"{next}\">Doorgaan</a></html>", "text/html");
            }

            var subject = provider.Next ?? throw new InvalidOperationException("The test did not choose a subject.");
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, subject.Subject)
                .SetClaim(Claims.Email, subject.Email)
                .SetClaim(Claims.Name, subject.Name)
                .SetClaims("roles", [.. subject.Roles])
                .SetClaims(Claims.AuthenticationMethodReference, [.. subject.Amr]);
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        web.MapPost("/connect/token", async (HttpContext context) =>
        {
            var code = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return code.Principal is { } principal
                ? Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
                : Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });

        await web.StartAsync();
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider = new TestIdentityProvider(web, address.TrimEnd('/') + "/", logs);
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
