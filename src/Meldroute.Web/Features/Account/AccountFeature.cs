using Meldroute.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.Account;

/// <summary>Accounts and sign-in: Identity, the session cookie and bearer tokens, the municipality's identity provider.</summary>
public static class AccountFeature
{
    /// <summary>Chooses the cookie for browsers and the bearer token for API clients, per request.</summary>
    public const string AuthenticationScheme = "Meldroute";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment, MeldrouteOptions options)
    {
        services.AddIdentity<MeldrouteUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<MeldrouteDbContext>()
            .AddDefaultTokenProviders()
            .AddApiEndpoints()
            .AddSignInManager<AuditedSignInManager>()
            .AddClaimsPrincipalFactory<MeldrouteClaimsPrincipalFactory>();

        var idle = TimeSpan.FromMinutes(Math.Max(1, options.IdleTimeoutMinutes));
        services.AddAuthentication()
            .AddPolicyScheme(AuthenticationScheme, "Cookie or bearer token", o =>
                o.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = idle;
                // A refresh token may not outlive the idle time-out: an API session ends like a browser session.
                o.RefreshTokenExpiration = idle;
            });
        services.Configure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = AuthenticationScheme;
            o.DefaultAuthenticateScheme = AuthenticationScheme;
            o.DefaultChallengeScheme = AuthenticationScheme;
            o.DefaultForbidScheme = AuthenticationScheme;
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        var secureCookies = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "Meldroute.Session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secureCookies;
            o.ExpireTimeSpan = idle;
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.ConfigureExternalCookie(o =>
        {
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secureCookies;
        });
        services.PostConfigureAll<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secureCookies;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "Meldroute.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secureCookies;
            o.Cookie.HttpOnly = true;
        });
        // Sign-in through the municipality's identity provider (Meldroute:Oidc), after the cookie settings above.
        services.AddMeldrouteOidc(configuration, secureCookies);

        return services;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
