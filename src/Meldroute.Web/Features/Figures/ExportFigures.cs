using System.Globalization;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace Meldroute.Web.Features.Figures;

/// <summary>
/// ExportFigures: every table of a figures result as CSV or XLSX, suppressed exactly as on the page ("&lt; 5" for a count
/// below the threshold, "x" for a count hidden to protect another), with the legend of both symbols.
/// </summary>
public static class ExportFigures
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string CsvType = "text/csv; charset=utf-8";

    /// <summary>The symbol of a count hidden only to protect another count (secondary suppression).</summary>
    public const string SecondarySymbol = "x";

    /// <summary>
    /// "&lt; 5" for a count below the threshold, "x" for a count hidden only to protect another (it may be any size),
    /// "—" for a figure that cannot be given (a share without a known base).
    /// </summary>
    public static string Display(FigureCell cell, int threshold) =>
        cell.Secondary ? SecondarySymbol
        : cell.Suppressed ? PrimarySymbol(threshold)
        : cell.Value?.ToString(CultureInfo.InvariantCulture) ?? "—";

    public static string PrimarySymbol(int threshold) => "< " + threshold.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the two symbols mean, as (symbol, explanation); empty for exact figures, which hide nothing.</summary>
    public static IReadOnlyList<(string Symbol, string Meaning)> Legend(FiguresResult figures, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(t);
        return figures.Exact ? [] :
        [
            (PrimarySymbol(figures.Threshold), t["Figures_LegendPrimary", figures.Threshold]),
            (SecondarySymbol, t["Figures_LegendSecondary"]),
        ];
    }

    /// <summary>
    /// One long table (table, row, column, value, basis): opens in any spreadsheet and keeps every table's numbers
    /// together; the basis says whether Meldroute counted a number or the policy advisor entered it.
    /// </summary>
    public static byte[] ToCsv(FiguresResult figures, IStringLocalizer t)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = Sep.New(';').Writer(o => o with { Escape = true }).To(text))
        {
            foreach (var table in figures.Tables)
            {
                foreach (var row in table.Rows)
                {
                    for (var c = 0; c < table.Columns.Count; c++)
                    {
                        using var line = writer.NewRow();
                        line["table"].Set(table.Key);
                        line["row"].Set(row.Label);
                        line["column"].Set(table.Columns[c]);
                        line["value"].Set(Display(row.Cells[c], figures.Threshold));
                        line["basis"].Set(table.BasisLabel);
                    }
                }
            }

            // The legend as rows of its own table, so the file explains its symbols without breaking the columns.
            foreach (var (symbol, meaning) in Legend(figures, t))
            {
                using var line = writer.NewRow();
                line["table"].Set("legend");
                line["row"].Set(symbol);
                line["column"].Set("");
                line["value"].Set(meaning);
                line["basis"].Set("");
            }
        }

        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One worksheet per table: the row label, then a column per year (or the count), numbers as numbers and suppressed cells as the text "&lt; 5" or "x", and a legend sheet.</summary>
    public static byte[] ToXlsx(FiguresResult figures, IStringLocalizer t)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var table in figures.Tables)
        {
            var rows = table.Rows.Select(row =>
            {
                var line = new Dictionary<string, object> { [table.RowHeader.Length > 0 ? table.RowHeader : "-"] = row.Label };
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    line[table.Columns[c]] = row.Cells[c].Value is { } number ? number : Display(row.Cells[c], figures.Threshold);
                }

                return line;
            }).ToList();
            sheets[table.Key.Length > 31 ? table.Key[..31] : table.Key] = rows;
        }

        var legend = Legend(figures, t);
        if (legend.Count > 0)
        {
            sheets["legend"] = legend.Select(l => new Dictionary<string, object> { ["symbol"] = l.Symbol, ["meaning"] = l.Meaning }).ToList();
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
