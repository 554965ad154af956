using Meldroute.Web.Features.Account;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Infrastructure.Security;

internal static class SecurityHeaders
{
    // No inline script or style anywhere: the UI works without JavaScript and styles come from files.
    // Forms post to Meldroute only; with Meldroute:Oidc also to the identity provider, where the "Inloggen met …"
    // form's answer redirects (browsers apply form-action to that redirect too).
    private static string ContentSecurityPolicy(string formAction) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        $"connect-src 'self'; form-action {formAction}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseMeldrouteSecurityHeaders(this IApplicationBuilder app)
    {
        var oidc = app.ApplicationServices.GetRequiredService<IOptions<OidcOptions>>().Value;
        var contentSecurityPolicy = ContentSecurityPolicy(
            oidc.Enabled && Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) ? "'self' " + authority.GetLeftPart(UriPartial.Authority) : "'self'");
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = contentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (!headers.ContainsKey("Cache-Control"))
                {
                    // Pages may hold personal data in later features: never keep them in shared or browser caches.
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
    }
}
