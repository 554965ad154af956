using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Meldroute.Web.Features.Figures;

/// <summary>
/// Bar and line charts drawn on the server as inline SVG: no JavaScript, printable, and accessible (role="img" with a title and
/// a description; the same numbers stand in the table beside it). Written by hand because a chart library would bring
/// JavaScript or images, and these charts are a few rectangles and lines.
/// </summary>
public static class SvgChart
{
    public static IHtmlContent Bars(string id, string title, string description, IReadOnlyList<(string Label, FigureCell Cell)> bars, Func<FigureCell, string> show)
    {
        const int barHeight = 22, gap = 8, labelWidth = 230, chartWidth = 360, valueWidth = 60;
        var max = Math.Max(1, bars.Select(b => b.Cell.Value ?? 0).DefaultIfEmpty().Max());
        var height = (bars.Count * (barHeight + gap)) + gap;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"mr-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {labelWidth + chartWidth + valueWidth} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title><desc id=\"{id}-desc\">{WebUtility.HtmlEncode(description)}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, cell) = bars[i];
            var value = cell.Value;
            var y = gap + (i * (barHeight + gap));
            var width = value is { } v ? (int)Math.Round(chartWidth * (double)v / max) : 0;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" font-size=\"14\" fill=\"#1a1a1a\">{WebUtility.HtmlEncode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{width}\" height=\"{barHeight}\" fill=\"#01689b\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 6}\" y=\"{y + 16}\" font-size=\"14\" fill=\"#1a1a1a\">{WebUtility.HtmlEncode(show(cell))}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>
    /// One line per series over the same categories (months, quarters). A suppressed point breaks the line and is marked
    /// with its symbol ("< 5" or "x"), so no value can be read off the drawing that the table does not publish.
    /// </summary>
    public static IHtmlContent Lines(string id, string title, string description, IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<FigureCell> Values)> series, Func<FigureCell, string> show)
    {
        const int left = 50, top = 16, plotWidth = 560, plotHeight = 220, bottom = 44, legendHeight = 24;
        string[] colours = ["#01689b", "#5a5a5a", "#8b4a6b"];
        var max = Math.Max(1, series.SelectMany(s => s.Values).Max(v => v.Value ?? 0));
        var step = categories.Count > 1 ? plotWidth / (double)(categories.Count - 1) : 0;
        double X(int i) => left + (i * step);
        double Y(long v) => top + plotHeight - (plotHeight * (double)v / max);
        var height = top + plotHeight + bottom + (series.Count * legendHeight);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"mr-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {left + plotWidth + 40} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title><desc id=\"{id}-desc\">{WebUtility.HtmlEncode(description)}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{left + plotWidth}\" y2=\"{top + plotHeight}\" stroke=\"#1a1a1a\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{top + 5}\" text-anchor=\"end\" font-size=\"13\" fill=\"#1a1a1a\">{max}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{top + plotHeight + 5}\" text-anchor=\"end\" font-size=\"13\" fill=\"#1a1a1a\">0</text>");
        for (var i = 0; i < categories.Count; i++)
        {
            var label = categories[i].Length > 3 ? categories[i][..3] : categories[i];
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{top + plotHeight + 20}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1a1a1a\">{WebUtility.HtmlEncode(label)}</text>");
        }

        for (var s = 0; s < series.Count; s++)
        {
            var (name, values) = series[s];
            var colour = colours[s % colours.Length];
            // A dashed line tells the series apart without relying on colour alone (WCAG 1.4.1).
            var dash = s == 0 ? "" : " stroke-dasharray=\"6 4\"";
            var points = new List<string>();
            void Flush()
            {
                if (points.Count > 1)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"3\"{dash} points=\"{string.Join(' ', points)}\"/>");
                }

                points.Clear();
            }

            for (var i = 0; i < values.Count && i < categories.Count; i++)
            {
                if (values[i].Value is { } v)
                {
                    points.Add(string.Create(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(v):0.#}"));
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(v):0.#}\" r=\"4\" fill=\"{colour}\"/>");
                }
                else
                {
                    Flush();
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{top + plotHeight - 6 - (s * 14)}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{colour}\">{WebUtility.HtmlEncode(show(values[i]))}</text>");
                }
            }

            Flush();
            var legendY = top + plotHeight + bottom + (s * legendHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{legendY}\" x2=\"{left + 36}\" y2=\"{legendY}\" stroke=\"{colour}\" stroke-width=\"3\"{dash}/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + 44}\" y=\"{legendY + 5}\" font-size=\"14\" fill=\"#1a1a1a\">{WebUtility.HtmlEncode(name)}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
