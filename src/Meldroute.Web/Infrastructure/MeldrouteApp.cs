using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Demo;
using Meldroute.Web.Features.Handling;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Localization;
using Meldroute.Web.Infrastructure.Observability;
using Meldroute.Web.Infrastructure.Privacy;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Infrastructure;

/// <summary>How the app is composed: services first, then the request pipeline. Features add themselves here.</summary>
public static class MeldrouteApp
{
    /// <summary>Chooses the cookie for browsers and the bearer token for API clients, per request.</summary>
    public const string AuthenticationScheme = "Meldroute";

    public static WebApplicationBuilder AddMeldroute(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        // Secrets as files, one per setting, named like environment variables (ConnectionStrings__Meldroute): systemd's
        // LoadCredential= puts them in $CREDENTIALS_DIRECTORY. They override every other source.
        var secrets = configuration["Meldroute:SecretsPath"] ?? Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY");
        if (!string.IsNullOrEmpty(secrets))
        {
            configuration.AddKeyPerFile(secrets, optional: false);
        }

        services.AddOptions<MeldrouteOptions>().Bind(configuration.GetSection(MeldrouteOptions.Section));
        var options = configuration.GetSection(MeldrouteOptions.Section).Get<MeldrouteOptions>() ?? new MeldrouteOptions();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.DemoMode && database.Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                "Demomodus staat aan terwijl de database PostgreSQL is. Demogegevens en demo-accounts horen nooit in een productiedatabase: " +
                "zet Meldroute:DemoMode op false of gebruik de ingebouwde SQLite-database. " +
                "(Demo mode is on while the database is PostgreSQL; Meldroute refuses to start.)");
        }

        // Structured JSON logs. Nothing that a user typed is ever a log argument; EF Core never logs parameter values.
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);

        services.AddSingleton(TimeProvider.System);
        // OpenTelemetry (OpenTelemetry:Enabled), off by default.
        services.AddMeldrouteTelemetry(configuration);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddSingleton<DatabasePreparation>();
        PersonalDataProtection.AddPersonalDataProtection(services, configuration, builder.Environment);
        services.AddMeldrouteDatabase(configuration, builder.Environment);
        services.AddScoped<AuditTrail>();
        services.AddSingleton<Features.Intake.IntakeWriter>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<Navigation>();
        services.AddScoped<SignalCommandContext>();
        services.AddScoped<Features.VictimDossiers.DossierCommandContext>();
        services.AddRetention(configuration);
        Features.Figures.FiguresFeature.AddFigures(services, configuration);

        services.AddOptions<Features.Notifications.SmtpOptions>().Bind(configuration.GetSection(Features.Notifications.SmtpOptions.Section));
        services.AddScoped<Features.Notifications.SignalNotifications>();
        services.AddSingleton<Features.Notifications.MailOutboxJob>();
        if (configuration.GetValue($"{Features.Notifications.SmtpOptions.Section}:Enabled", false))
        {
            services.AddHostedService(sp => sp.GetRequiredService<Features.Notifications.MailOutboxJob>());
        }

        services.AddOptions<Features.Mailbox.MailboxOptions>().Bind(configuration.GetSection(Features.Mailbox.MailboxOptions.Section));
        services.AddSingleton<Features.Mailbox.MailboxReader>();
        if (configuration.GetValue($"{Features.Mailbox.MailboxOptions.Section}:Enabled", false))
        {
            services.AddHostedService<Features.Mailbox.MailboxJob>();
        }

        services.AddScoped<IAuthorizationHandler, SignalAccessHandler>();
        services.AddScoped<IAuthorizationHandler, Features.VictimDossiers.DossierAccessHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            // HTML-sensitive characters leave as \u escapes: a response can never be read as markup.
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default;
        });
        // Unreadable JSON, unknown enum values and bad parameters throw, so that the error page answers them with a
        // Dutch 400 problem instead of an empty response.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

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

        var secureCookies = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
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

        services.AddSingleton<IAuthorizationHandler, TwoFactorSatisfiedHandler>();
        services.AddSingleton<IAuthorizationHandler, PasswordChangedHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        services.AddAuthorization(o => o.AddMeldroutePolicies());

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(Cultures.Configure);
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                // The sign-in steps and the intake form share the rate limits of their API counterparts.
                foreach (var (page, policy) in new[] { ("/Account/Login", RateLimits.SignIn), ("/Account/LoginWith2fa", RateLimits.SignIn), ("/Account/ExternalLogin", RateLimits.SignIn), ("/Intake/New", RateLimits.Intake) })
                {
                    o.Conventions.AddPageApplicationModelConvention(page, model => model.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(policy)));
                }
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddMeldrouteRateLimits(configuration);
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<MeldrouteDbContext>("database");
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Behind a reverse proxy the app itself listens on HTTP; browsers are sent to the standard HTTPS port
        // unless HttpsRedirection:HttpsPort (or ASPNETCORE_HTTPS_PORT) says otherwise.
        services.AddHttpsRedirection(o => o.HttpsPort = configuration.GetValue<int?>("HttpsRedirection:HttpsPort") ?? configuration.GetValue<int?>("HTTPS_PORT") ?? 443);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The reverse proxies whose X-Forwarded-* headers are believed (loopback always); comma separated.
            foreach (var proxy in (configuration["Meldroute:TrustedProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });

        return builder;
    }

    public static WebApplication UseMeldroute(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseMeldrouteSecurityHeaders();
        app.UseRequestLocalization();
        app.UseRouting();
        // Until the database is prepared, 503. Behind routing, which needs no database, so that the readiness probes
        // that get 503 while the database is prepared also build the route table (the first routed request's main
        // cost) instead of the first request after it; before everything that may read the database.
        var preparation = app.Services.GetRequiredService<DatabasePreparation>();
        app.Use(async (context, next) =>
        {
            if (!preparation.IsPrepared && !context.Request.Path.StartsWithSegments("/health/live", StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                // The error page may read the database: the 503 stays as it is.
                context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
                return;
            }

            await next(context);
        });
        app.UseMiddleware<NotExposedEndpointMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<BearerSecurityStampMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready").AllowAnonymous();
        app.MapCultureSwitch();
        app.MapAuthenticationApi();
        app.MapSignalsApi();
        app.MapRetentionApi();
        Features.VictimDossiers.VictimDossiersApi.MapVictimDossiersApi(app);
        Features.Privacy.PrivacyApi.MapPrivacyApi(app);
        Features.Figures.FiguresApi.MapFiguresApi(app);
        Features.Partners.PartnersApi.MapPartnersApi(app);
        Features.Agenda.AgendaApi.MapAgendaApi(app);
        Features.Framework.FrameworkApi.MapFrameworkApi(app);
        Features.Training.TrainingApi.MapTrainingApi(app);
        app.MapAuditApi();
        Features.Admin.Users.UsersApi.MapUsersApi(app);
        Features.Admin.AccessReview.AccessReviewApi.MapAccessReviewApi(app);
        // An unknown API path is a 404 problem, not the fallback policy's 403 or a sign-in redirect.
        app.MapFallback("/api/{**path}", (Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) =>
                Results.Problem(title: t["Api_NotFound"], statusCode: StatusCodes.Status404NotFound))
            .AllowAnonymous()
            .ExcludeFromDescription();
        // Any other unknown page is "not found" (the error page), not the fallback policy's sign-in redirect or 403.
        app.MapFallback(() => Results.NotFound()).AllowAnonymous().ExcludeFromDescription();
        return app;
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
