using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Shared;

/// <summary>
/// Texts with a count: the resource files hold each as two keys, <c>Key_One</c> ("1 melding") and <c>Key_Other</c>
/// ("{0} meldingen"), for Dutch and English alike (both have the same two forms).
/// </summary>
public static class Plurals
{
    public static LocalizedString Plural(this IStringLocalizer t, string key, long count, params object[] more) =>
        t[key + Form(count), [count, .. more]];

    /// <summary>
    /// The same for a count published as something other than the number itself ("&lt; 5", "x" for a suppressed
    /// figure): <paramref name="shown"/> fills {0}; the form follows <paramref name="count"/>, and an unknown count
    /// takes the plural.
    /// </summary>
    public static LocalizedString PluralShown(this IStringLocalizer t, string key, long? count, string shown, params object[] more) =>
        t[key + Form(count ?? 0), [shown, .. more]];

    private static string Form(long count) => count == 1 ? "_One" : "_Other";
}
