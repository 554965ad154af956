using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Admin.AccessReview;
using Meldroute.Web.Features.Admin.Users;
using Meldroute.Web.Features.Training;
using Meldroute.Web.Features.Framework;
using Meldroute.Web.Features.Agenda;
using Meldroute.Web.Features.Partners;
using Meldroute.Web.Features.Departments;
using Meldroute.Web.Features.Indicators;
using Meldroute.Web.Features.Setup;
using Meldroute.Web.Features.CaseData;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Features.Privacy;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Demo;
using Meldroute.Web.Features.CaseTable;
using Meldroute.Web.Features.Forwarding;
using Meldroute.Web.Features.Handling;
using Meldroute.Web.Features.Home;
using Meldroute.Web.Features.Intake;
using Meldroute.Web.Features.Mailbox;
using Meldroute.Web.Features.Notifications;
using Meldroute.Web.Features.VictimDossiers;
using Meldroute.Web.Features.Region;
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
    public const string LivePath = "/health/live";

    public const string ReadyPath = "/health/ready";

    private static bool IsHealthProbe(PathString path) =>
        path.Equals(LivePath, StringComparison.OrdinalIgnoreCase) || path.Equals(ReadyPath, StringComparison.OrdinalIgnoreCase);

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

        // Settings are checked before anything else happens (Program: ValidateSettings); a problem refuses the start.
        services.AddOptions<MeldrouteOptions>().Bind(configuration.GetSection(MeldrouteOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MeldrouteOptions>, MeldrouteOptionsValidation>();
        var options = configuration.GetSection(MeldrouteOptions.Section).Get<MeldrouteOptions>() ?? new MeldrouteOptions();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.DemoMode && database.Provider == DatabaseProvider.Postgres)
        {
            throw new StartupRefusedException(
                "Demomodus staat aan terwijl de database PostgreSQL is. Demogegevens en demo-accounts horen nooit in een productiedatabase: " +
                "zet Meldroute:DemoMode op false of gebruik de ingebouwde SQLite-database. " +
                "(Demo mode is on while the database is PostgreSQL; Meldroute refuses to start.)");
        }

        // Structured JSON logs. Nothing that a user typed is ever a log argument; EF Core never logs parameter values.
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = false;
            // Every line says when (UTC, ISO 8601): "Timestamp":"2026-12-06T02:00:00.123Z".
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            o.UseUtcTimestamp = true;
        });

        services.AddSingleton(TimeProvider.System);
        // OpenTelemetry (OpenTelemetry:Enabled), off by default.
        services.AddMeldrouteTelemetry(configuration);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddSingleton<DatabasePreparation>();
        PersonalDataProtection.AddPersonalDataProtection(services, configuration, builder.Environment);
        services.AddMeldrouteDatabase(configuration, builder.Environment);
        services.AddScoped<AuditTrail>();
        services.AddOptions<AuditAnchorOptions>().Bind(configuration.GetSection(AuditAnchorOptions.Section));
        var anchorPath = AuditAnchor.ResolvePath(configuration, builder.Environment);
        services.AddSingleton(sp => new AuditAnchor(anchorPath, sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AuditAnchor>>()));
        services.AddHostedService<AuditAnchorJob>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<Navigation>();
        services.AddSignals();
        services.AddIntake();
        services.AddVictimDossiers();
        services.AddNotifications(configuration);
        services.AddMailbox(configuration);
        services.AddRetention(configuration);
        services.AddFigures(configuration);
        services.AddPrivacy();
        services.AddFramework();

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            // HTML-sensitive characters leave as \u escapes: a response can never be read as markup.
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default;
            // Which members a request body had, so that a PUT without one is refused instead of blanking it.
            o.SerializerOptions.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.WithAddedModifier(
                o.SerializerOptions.TypeInfoResolver ?? new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(), SentMembers.Track);
        });
        // Unreadable JSON, unknown enum values and bad parameters throw, so that the error page answers them with a
        // Dutch 400 problem instead of an empty response.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.AddAccounts(configuration, builder.Environment, options);
        services.AddMeldrouteAuthorization();

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
        services.AddOpenApi(OpenApiDocumentRules.Configure);
        services.AddHealthChecks().AddDbContextCheck<MeldrouteDbContext>("database");
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Behind a reverse proxy the app itself listens on HTTP; browsers are sent to the standard HTTPS port
        // unless HttpsRedirection:HttpsPort (or ASPNETCORE_HTTPS_PORT) says otherwise.
        services.AddHttpsRedirection(o => o.HttpsPort = configuration.GetValue<int?>("HttpsRedirection:HttpsPort") ?? configuration.GetValue<int?>("HTTPS_PORT") ?? 443);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the reverse proxies named in Meldroute:TrustedProxies, not loopback by default: a local client could
            // otherwise claim any address and rotate it past the sign-in limit. With none named the middleware is not
            // used at all (empty lists would make it believe everyone).
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in options.TrustedProxyAddresses())
            {
                o.KnownProxies.Add(proxy);
            }
        });

        PersonalDataProtection.ReadRingFirst(services);
        return builder;
    }

    public static WebApplication UseMeldroute(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MeldrouteOptions>>().Value.TrustedProxyAddresses().Any())
        {
            app.UseForwardedHeaders();
        }

        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            // The health probes answer on the address they are asked on: a load balancer or `curl -f` that gets a
            // redirect would count it as up, also when the database is down.
            app.UseWhen(context => !IsHealthProbe(context.Request.Path), branch => branch.UseHttpsRedirection());
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
            if (!preparation.IsPrepared && !context.Request.Path.StartsWithSegments(LivePath, StringComparison.Ordinal))
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
        // Live: the process answers. Ready: the database is prepared and answers (503 otherwise, with "Unhealthy").
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath).AllowAnonymous();
        app.MapCultureSwitch();
        app.MapAuthenticationApi();
        // The app's own API: every request checked against ApiRequestRules (ranges, versions, whole bodies) first.
        var api = app.MapGroup("").WithApiRequestRules();
        api.MapIntakeApi();
        api.MapHandlingApi();
        api.MapCaseTableApi();
        api.MapForwardingApi();
        api.MapRetentionApi();
        api.MapVictimDossiersApi();
        api.MapPrivacyApi();
        api.MapFiguresApi();
        api.MapRegionApi();
        api.MapCaseDataApi();
        api.MapPartnersApi();
        api.MapDepartmentsApi();
        api.MapIndicatorsApi();
        api.MapSetupApi();
        api.MapAgendaApi();
        api.MapFrameworkApi();
        api.MapTrainingApi();
        api.MapAuditApi();
        api.MapUsersApi();
        api.MapAccessReviewApi();
        api.MapHomeApi();
        // An unknown API path is a 404 problem, not the fallback policy's 403 or a sign-in redirect.
        app.MapFallback("/api/{**path}", (Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) => ApiProblems.NotFound(t)).AllowAnonymous().ExcludeFromDescription();
        // Any other unknown page is "not found" (the error page), not the fallback policy's sign-in redirect or 403.
        app.MapFallback(() => Results.NotFound()).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
