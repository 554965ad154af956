using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Shared;

/// <summary>
/// The links to a list's neighbouring pages (keyset pagination, <see cref="PageCursor"/>): "Vorige" and "Volgende", and
/// "Eerste pagina" once past it. Plain links to <see cref="Page"/> with <see cref="Route"/> and the cursor, which work
/// without JavaScript; or, when <see cref="Form"/> is set, submit buttons of that form (a search whose words must stay
/// out of the URL), the cursor as the button's value.
/// </summary>
public sealed record Pager(string Page, string? Previous, string? Next, IReadOnlyDictionary<string, string?> Route, string? Form = null)
{
    /// <summary>The text of the next link when it is not "Volgende" (a resource key).</summary>
    public string? NextText { get; init; }

    /// <summary>A page after the first: it gets a link back to the start.</summary>
    public bool PastFirst { get; init; }

    /// <summary>The name the page binds the cursor by (<see cref="PageCursor.Parameter"/>, or with its form's prefix).</summary>
    public string CursorName { get; init; } = PageCursor.Parameter;

    public bool IsEmpty => Previous is null && Next is null && !PastFirst;

    /// <summary>The route of a neighbouring page: this page's route with <paramref name="cursor"/>.</summary>
    public Dictionary<string, string?> RouteWith(string? cursor) =>
        new(Route.Where(r => r.Key != CursorName)) { [CursorName] = cursor };

    /// <summary>
    /// A list's caption without a count of the whole list: the exact number when it fits on one page, "meer dan N" on a
    /// first page with more after it, "N op deze pagina" further on (<paramref name="pluralKey"/> as in <see cref="Plurals"/>).
    /// </summary>
    public static string Caption(IStringLocalizer t, string pluralKey, int rows, bool first, bool more) =>
        first && !more ? t.Plural(pluralKey, rows) : first ? t["List_MoreThan", t.Plural(pluralKey, rows)] : t["List_ThisPage", t.Plural(pluralKey, rows)];
}
