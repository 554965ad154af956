using System.Globalization;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace Meldroute.Web.Features.Figures;

/// <summary>ExportFigures: every table of a figures result as CSV or XLSX, suppressed exactly as on the page ("&lt; 5").</summary>
public static class ExportFigures
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string CsvType = "text/csv; charset=utf-8";

    /// <summary>"&lt; 5" for a suppressed count, "—" for a figure that cannot be given (a share without a known base).</summary>
    public static string Display(FigureCell cell, int threshold) =>
        cell.Suppressed ? "< " + threshold.ToString(CultureInfo.InvariantCulture) : cell.Value?.ToString(CultureInfo.InvariantCulture) ?? "—";

    /// <summary>
    /// One long table (table, row, column, value, basis): opens in any spreadsheet and keeps every table's numbers
    /// together; the basis says whether Meldroute counted a number or the policy advisor entered it.
    /// </summary>
    public static byte[] ToCsv(FiguresResult figures)
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
        }

        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One worksheet per table: the row label, then a column per year (or the count), numbers as numbers and suppressed cells as the text "&lt; 5".</summary>
    public static byte[] ToXlsx(FiguresResult figures)
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

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
