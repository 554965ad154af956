using System.Globalization;
using nietras.SeparatedValues;

namespace Meldroute.Web.Features.Figures;

/// <summary>ExportFigures: every table of a figures result as CSV, suppressed exactly as on the page ("&lt; 5").</summary>
public static class ExportFigures
{
    public static string Display(FigureCell cell, int threshold) =>
        cell.Suppressed ? "< " + threshold.ToString(CultureInfo.InvariantCulture) : (cell.Value ?? 0).ToString(CultureInfo.InvariantCulture);

    /// <summary>One long table (table, row, column, value): opens in any spreadsheet and keeps every table's numbers together.</summary>
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
                    }
                }
            }
        }

        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }
}
