using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Meldroute.Web.Features.Figures;

/// <summary>
/// Bar charts drawn on the server as inline SVG: no JavaScript, printable, and accessible (role="img" with a title and
/// a description; the same numbers stand in the table beside it). Written by hand because a chart library would bring
/// JavaScript or images, and a bar chart is a few rectangles.
/// </summary>
public static class SvgChart
{
    public static IHtmlContent Bars(string id, string title, string description, IReadOnlyList<(string Label, long? Value)> bars, string suppressedLabel)
    {
        const int barHeight = 22, gap = 8, labelWidth = 230, chartWidth = 360, valueWidth = 60;
        var max = Math.Max(1, bars.Max(b => b.Value ?? 0));
        var height = (bars.Count * (barHeight + gap)) + gap;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"mr-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {labelWidth + chartWidth + valueWidth} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title><desc id=\"{id}-desc\">{WebUtility.HtmlEncode(description)}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = gap + (i * (barHeight + gap));
            var width = value is { } v ? (int)Math.Round(chartWidth * (double)v / max) : 0;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" font-size=\"14\" fill=\"#1a1a1a\">{WebUtility.HtmlEncode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{width}\" height=\"{barHeight}\" fill=\"#01689b\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 6}\" y=\"{y + 16}\" font-size=\"14\" fill=\"#1a1a1a\">{WebUtility.HtmlEncode(value?.ToString(CultureInfo.InvariantCulture) ?? suppressedLabel)}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
