using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Shared;

/// <summary>
/// Where a page of a list starts (keyset pagination): the sort key of the row next to it, and whether the page lies
/// after that row or before it. Opaque to clients: base64url of a short JSON array naming the list and its order
/// (<see cref="Kind"/>), the direction and the key's values, never personal data (dates, ranks, references, sequence
/// numbers). A cursor is only a position: the request's filters and authorization still apply to every row.
/// </summary>
public sealed record PageCursor(string Kind, bool Backward, IReadOnlyList<string> Key)
{
    /// <summary>The query parameter and form field that carries a cursor.</summary>
    public const string Parameter = "cursor";

    /// <summary>A page that starts after <paramref name="key"/> in the list's order.</summary>
    public static PageCursor After(string kind, params string[] key) => new(kind, false, key);

    /// <summary>A page that ends before <paramref name="key"/> in the list's order.</summary>
    public static PageCursor Before(string kind, params string[] key) => new(kind, true, key);

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes((string[])[Kind, Backward ? "<" : ">", .. Key]));

    /// <summary>
    /// The cursor in <paramref name="text"/> when it is one of <paramref name="kind"/> with <paramref name="length"/> key
    /// values; null when <paramref name="text"/> is empty. Anything else (not base64url, not the list's cursor, a
    /// different order) is false: the caller answers 400 with <see cref="Error"/>.
    /// </summary>
    public static bool TryDecode(string? text, string kind, int length, out PageCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text.Length > QueryRanges.TextMax)
        {
            return false;
        }

        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(text));
            if (parts is null || parts.Length != length + 2 || parts[0] != kind || parts[1] is not ("<" or ">") || parts.Any(p => p is null))
            {
                return false;
            }

            cursor = new PageCursor(kind, parts[1] == "<", parts[2..]);
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }

    /// <summary>The field error of a cursor that is not one (Dutch first).</summary>
    public static IReadOnlyDictionary<string, string[]> Error(IStringLocalizer t) =>
        new Dictionary<string, string[]> { [Parameter] = [t["Api_BadCursor"]] };

    /// <summary>The field error of a page number past 1: lists page by cursor now (an offset grows with the backlog).</summary>
    public static IReadOnlyDictionary<string, string[]> PageError(IStringLocalizer t) =>
        new Dictionary<string, string[]> { ["page"] = [t["Api_PageByCursor"]] };

    /// <summary>
    /// Adds the neighbouring pages to a response as a Link header (RFC 8288, rel "next" and "prev"), for the lists whose
    /// body stays a plain array: the request's own URL with the cursor of that page.
    /// </summary>
    public static void AddLinks(HttpContext http, string? previous, string? next)
    {
        string Link(string cursor, string rel)
        {
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(http.Request.QueryString.Value);
            query[Parameter] = cursor;
            var url = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString((http.Request.PathBase + http.Request.Path).ToString(), query);
            return $"<{url}>; rel=\"{rel}\"";
        }

        var links = new List<string>();
        if (previous is not null)
        {
            links.Add(Link(previous, "prev"));
        }

        if (next is not null)
        {
            links.Add(Link(next, "next"));
        }

        if (links.Count > 0)
        {
            http.Response.Headers.Append("Link", string.Join(", ", links));
        }
    }

    public static string Of(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Of(DateTimeOffset value) => Of(value.UtcTicks);

    public static string Of(Guid value) => value.ToString("N");

    public bool TryLong(int index, out long value) => long.TryParse(Key[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public bool TryInt(int index, out int value) => int.TryParse(Key[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>An instant, stored as UTC ticks (exact for both databases' precision).</summary>
    public bool TryInstant(int index, out DateTimeOffset value)
    {
        value = default;
        if (!TryLong(index, out var ticks) || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        value = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    public bool TryGuid(int index, out Guid value) => Guid.TryParseExact(Key[index], "N", out value);

    /// <summary>A reference: short, letters, digits and dashes only.</summary>
    public bool TryReference(int index, out string value)
    {
        value = Key[index];
        return value.Length is > 0 and <= 20 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
    }
}

/// <summary>
/// One page read in a list's order: the rows and where the neighbouring pages start. <see cref="Next"/> and
/// <see cref="Previous"/> are cursors (<see cref="PageCursor.Encode"/>), null at either end.
/// </summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Rows, string? Next, string? Previous)
{
    /// <summary>
    /// Reads the page at <paramref name="cursor"/> (the first page when null): <paramref name="read"/> gets the cursor and
    /// how many rows to read in its direction (<paramref name="limit"/> + 1, so that the extra one tells whether there is
    /// more) and returns them in that direction, a backward read nearest first. Fewer rows before a cursor than a page
    /// means the first page: it is read again from the start, so that the first page is always full.
    /// </summary>
    public static async Task<KeysetPage<T>> ReadAsync(PageCursor? cursor, int limit, Func<PageCursor?, int, Task<List<T>>> read, Func<T, bool, PageCursor> position)
    {
        var rows = await read(cursor, limit + 1);
        if (cursor is { Backward: true } && rows.Count <= limit)
        {
            cursor = null;
            rows = await read(null, limit + 1);
        }

        return From(rows, limit, cursor, position);
    }

    /// <summary>The page from rows read as <see cref="ReadAsync"/> describes; <paramref name="position"/> gives a row's cursor (after it, or before it when true).</summary>
    public static KeysetPage<T> From(List<T> read, int limit, PageCursor? cursor, Func<T, bool, PageCursor> position)
    {
        var more = read.Count > limit;
        var rows = read.Take(limit).ToList();
        if (cursor is { Backward: true })
        {
            rows.Reverse();
            return new KeysetPage<T>(rows, rows.Count > 0 ? position(rows[^1], false).Encode() : null, more && rows.Count > 0 ? position(rows[0], true).Encode() : null);
        }

        return new KeysetPage<T>(rows, more ? position(rows[^1], false).Encode() : null, cursor is not null && rows.Count > 0 ? position(rows[0], true).Encode() : null)
        {
            IsFirst = cursor is null,
        };
    }

    /// <summary>The list's first page (no cursor, or a backward one that reached the start).</summary>
    public bool IsFirst { get; init; }

    /// <summary>The same page with its rows changed (a projection for the response).</summary>
    public KeysetPage<TOther> Select<TOther>(Func<T, TOther> select) => new([.. Rows.Select(select)], Next, Previous) { IsFirst = IsFirst };

    /// <summary>The whole list on one page.</summary>
    public bool IsComplete => IsFirst && Next is null;
}
