using System.Security.Cryptography;
using System.Text;
using Meldroute.Web.Features.Signals;

namespace Meldroute.Web.Features.Indicators;

/// <summary>The limits of an indicator's fields, shared by UpdateIndicators, its page and the reference-data import.</summary>
public static class IndicatorRules
{
    public const int CodeMax = 10;
    public const int TextMax = 500;

    /// <summary>A letter and digits, as in the plan's list (G01, S03, L12, C07): letters and digits only, upper case.</summary>
    public static bool IsCode(string code) =>
        code.Length is >= 2 and <= CodeMax && char.IsAsciiLetterUpper(code[0]) && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    public static IReadOnlyDictionary<string, object?> Fields(Indicator i) => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["Form"] = i.Form.ToString(), ["TextNl"] = i.TextNl, ["TextEn"] = i.TextEn, ["Active"] = i.Active,
    };

    /// <summary>
    /// The version of the whole list: the indicators are edited as one list, so a concurrent edit is detected on the
    /// list, not per row.
    /// </summary>
    public static Guid Version(IEnumerable<Indicator> indicators)
    {
        var text = string.Join('\u001e', indicators.OrderBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => string.Join('\u001f', i.Code, i.Form, i.TextNl, i.TextEn, i.Active)));
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }
}
