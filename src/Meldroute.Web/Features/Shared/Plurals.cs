using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Shared;

/// <summary>
/// Texts with a count: the resource files hold each as two keys, <c>Key_One</c> ("1 melding") and <c>Key_Other</c>
/// ("{0} meldingen"), for Dutch and English alike (both have the same two forms).
/// </summary>
public static class Plurals
{
    public static LocalizedString Plural(this IStringLocalizer t, string key, long count, params object[] more) =>
        t[key + (count == 1 ? "_One" : "_Other"), [count, .. more]];
}
