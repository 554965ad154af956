using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>Settings under "RateLimits": attempts per minute.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in and token requests (password, second factor, refresh) per client address per minute.</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Signal submissions per user per minute.</summary>
    public int IntakePerMinute { get; set; } = 20;

    /// <summary>Openings of and receipts through one-time hand-over links per client address per minute.</summary>
    public int HandoverLinkPerMinute { get; set; } = 30;
}

/// <summary>
/// Rate limits on sign-in, token, intake and hand-over link endpoints (guessing passwords or codes, flooding the intake). A refused
/// request gets 429; the error page answers it in Dutch, as problem details on /api.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Intake = "intake";
    public const string HandoverLink = "handover-link";

    public static IServiceCollection AddMeldrouteRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        // One options factory per policy, made once: the middleware keeps a limiter per partition key and factory.
        Func<string, FixedWindowRateLimiterOptions> signIn = _ => PerMinute(options.SignInPerMinute);
        Func<string, FixedWindowRateLimiterOptions> intake = _ => PerMinute(options.IntakePerMinute);
        Func<string, FixedWindowRateLimiterOptions> handoverLink = _ => PerMinute(options.HandoverLinkPerMinute);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignIn, context => OnlyPosts(context, "ip:" + context.Connection.RemoteIpAddress, signIn));
            limiter.AddPolicy(Intake, context => OnlyPosts(
                context,
                "user:" + (context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString()),
                intake));
            // Every request counts, reads too: the token is the only credential, so trying tokens must stay slow.
            limiter.AddPolicy(HandoverLink, context => RateLimitPartition.GetFixedWindowLimiter("ip:" + context.Connection.RemoteIpAddress, handoverLink));
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    /// <summary>Reading a form is free; sending it counts.</summary>
    private static RateLimitPartition<string> OnlyPosts(HttpContext context, string key, Func<string, FixedWindowRateLimiterOptions> factory) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(key, factory)
            : RateLimitPartition.GetNoLimiter("free:" + key);
}
