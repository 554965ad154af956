using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Shared;

/// <summary>The rules every free-text field follows: a maximum length and no control characters.</summary>
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

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
