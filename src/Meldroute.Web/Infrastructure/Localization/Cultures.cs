using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Meldroute.Web.Infrastructure.Localization;

public static class Cultures
{
    public const string Dutch = "nl";
    public const string English = "en";

    public static readonly CultureInfo[] Supported = [new(Dutch), new(English)];

    /// <summary>Dutch first; English when the browser asks for it or the user switches (a cookie remembers the switch).</summary>
    public static void Configure(RequestLocalizationOptions options)
    {
        options.DefaultRequestCulture = new RequestCulture(Dutch);
        options.SupportedCultures = Supported;
        options.SupportedUICultures = Supported;
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider(),
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
    }
}
