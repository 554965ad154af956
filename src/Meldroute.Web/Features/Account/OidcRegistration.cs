using Meldroute.Web.Features.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Meldroute.Web.Features.Account;

/// <summary>
/// OpenID Connect sign-in: authorization code flow with PKCE, the response in the query string, the id token's
/// issuer checked against the configured one. The result lands in Identity's external cookie; the
/// <c>/Account/ExternalLogin</c> page turns it into a Meldroute session.
/// </summary>
public static class OidcRegistration
{
    /// <summary>
    /// Registers the "oidc" scheme when <c>Meldroute:Oidc:Enabled</c>. Call after the cookie settings: the external
    /// cookie is made SameSite=Lax here, overriding the Strict default of all other cookies.
    /// </summary>
    public static IServiceCollection AddMeldrouteOidc(this IServiceCollection services, IConfiguration configuration, CookieSecurePolicy secureCookies)
    {
        services.AddOptions<OidcOptions>().Bind(configuration.GetSection(OidcOptions.Section));
        services.AddScoped<ExternalSignIn>();
        var oidc = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        if (!oidc.Enabled)
        {
            return services;
        }

        oidc.Validate();
        services.AddAuthentication().AddOpenIdConnect(OidcOptions.Scheme, oidc.DisplayName, o =>
        {
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(oidc.ClientSecret) ? null : oidc.ClientSecret;
            o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            // The query, not a cross-site form post: SameSite=Lax cookies accompany a top-level GET only.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.CallbackPath = OidcOptions.CallbackPath;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Scope.Clear();
            o.Scope.Add(OpenIdConnectScope.OpenId);
            o.Scope.Add("profile");
            o.Scope.Add(OpenIdConnectScope.Email);
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.MapInboundClaims = false;
            o.DisableTelemetry = true;
            o.TokenValidationParameters.NameClaimType = "name";
            o.TokenValidationParameters.RoleClaimType = oidc.RoleClaim;
            o.TokenValidationParameters.ValidateIssuer = true;
            o.TokenValidationParameters.ValidIssuer = oidc.Issuer;
            // The handler would also accept whatever issuer the discovery document names; only the configured one counts.
            o.TokenValidationParameters.IssuerValidator = (issuer, _, _) => string.Equals(issuer, oidc.Issuer, StringComparison.Ordinal)
                ? issuer
                : throw new SecurityTokenInvalidIssuerException("The id token's issuer is not the configured Meldroute:Oidc:Issuer.");

            // The correlation and nonce cookies must come back with the identity provider's cross-site redirect.
            foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = secureCookies;
                cookie.HttpOnly = true;
            }

            o.Events.OnRemoteFailure = async context =>
            {
                var reason = context.Failure switch
                {
                    SecurityTokenInvalidIssuerException => "wrong-issuer",
                    SecurityTokenException => "invalid-token",
                    _ => "remote-failure",
                };
                var services = context.HttpContext.RequestServices;
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalSignIn))
                    .LogWarning("OpenID Connect sign-in refused: {Reason} ({FailureType})", reason, context.Failure?.GetType().Name);
                await services.GetRequiredService<AuditTrail>().RecordAsync(new AuditEntry("signin.oidc.refused", AuditOutcome.Failure, "user", null, reason));
                context.Response.Redirect(ExternalSignIn.LoginPageFor(ExternalSignIn.Refusal.Failed));
                context.HandleResponse();
            };
        });

        // The external cookie is set on the identity provider's cross-site redirect back and read right after it.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o =>
        {
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        return services;
    }
}
