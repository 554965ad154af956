using Microsoft.AspNetCore.Routing;
using Meldroute.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Meldroute.Web.Features.Shared;

/// <summary>The language switch in the header: a plain form post, so it works without JavaScript.</summary>
internal static class CultureEndpoint
{
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapPost("/culture", SwitchCulture).AllowAnonymous().ExcludeFromDescription().WithName("SwitchCulture");

    public static RedirectHttpResult SwitchCulture([FromForm] string culture, [FromForm] string? returnUrl, HttpContext context)
    {
        var chosen = culture == Cultures.English ? Cultures.English : Cultures.Dutch;
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, MaxAge = TimeSpan.FromDays(365) });
        return TypedResults.LocalRedirect(LocalUrl.OrHome(returnUrl));
    }
}
