using Microsoft.AspNetCore.Routing;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.Account;

/// <summary>
/// ASP.NET Core Identity's own token endpoints under /api/auth. Only sign-in, refresh and reading one's own
/// account are offered; accounts are created and reset by administrators, so registration,
/// e-mail confirmation and password reset are not exposed.
/// </summary>
internal static class AuthenticationApi
{
    private static readonly HashSet<string> Anonymous = ["/api/auth/login", "/api/auth/refresh"];
    // manage/2fa is not offered: switching two-factor off or resetting it happens on "Mijn account", where it is audited.
    private static readonly HashSet<string> Offered = ["/api/auth/login", "/api/auth/refresh", "/api/auth/manage/info"];

    public static void MapAuthenticationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Authentication");
        group.MapIdentityApi<MeldrouteUser>().Add(endpoint =>
        {
            var pattern = "/" + ((RouteEndpointBuilder)endpoint).RoutePattern.RawText?.Trim('/');
            var isGet = endpoint.Metadata.OfType<HttpMethodMetadata>().Any(m => m.HttpMethods.Contains("GET"));
            if (!Offered.Contains(pattern) || (pattern == "/api/auth/manage/info" && !isGet))
            {
                endpoint.Metadata.Add(new NotExposedAttribute());
                endpoint.Metadata.Add(new Microsoft.AspNetCore.Routing.ExcludeFromDescriptionAttribute());
            }
            else if (Anonymous.Contains(pattern))
            {
                endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
                endpoint.Metadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(RateLimits.SignIn));
            }
        });
    }
}
