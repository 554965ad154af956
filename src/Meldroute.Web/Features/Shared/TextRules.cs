using System.Buffers;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Shared;

/// <summary>
/// The rules every free-text field follows: a maximum length and no control characters; bidirectional embeddings,
/// overrides and isolates are taken out as the text is stored (<see cref="Clean"/>).
/// </summary>
public static class TextRules
{
    public static void Check(Dictionary<string, string[]> errors, string field, string? value, int max, IStringLocalizer t, bool required = false)
    {
        var messages = new List<string>();
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                messages.Add(t["Text_Required"]);
            }
        }
        else
        {
            if (value.Length > max)
            {
                messages.Add(t["Intake_TextTooLong", max]);
            }

            if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                messages.Add(t["Intake_ControlCharacters"]);
            }
        }

        if (messages.Count > 0)
        {
            errors[field] = [.. errors.GetValueOrDefault(field, []), .. messages];
        }
    }

    /// <summary>
    /// The bidirectional formatting characters that reorder what follows them (U+202A–U+202E embeddings and overrides,
    /// U+2066–U+2069 isolates): a right-to-left override makes "exe.txt" look like "txt.exe" or hides words in a
    /// report. The marks U+200E/U+200F/U+061C stay: they only set the direction of neutral characters next to them and
    /// are needed to show mixed Arabic and Dutch text correctly; they cannot reorder a word.
    /// </summary>
    private static readonly SearchValues<char> BidiControls = SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>The text as stored: trimmed, empty as null, without bidirectional embeddings, overrides and isolates (the text stays readable).</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = WithoutBidiControls(value).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary><paramref name="value"/> without bidirectional embeddings, overrides and isolates.</summary>
    public static string WithoutBidiControls(string value) =>
        value.AsSpan().IndexOfAny(BidiControls) < 0 ? value : string.Concat(value.Where(c => !BidiControls.Contains(c)));
}
