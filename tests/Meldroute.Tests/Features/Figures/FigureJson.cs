using System.Text.Json;

namespace Meldroute.Tests.Features.Figures;

/// <summary>Reading GetFigures' JSON in the figures' tests: a table by key, a cell by row key and column, a cell's value.</summary>
internal static class FigureJson
{
    public static JsonElement Table(JsonElement figures, string key) =>
        figures.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("key").GetString() == key);

    public static JsonElement Cell(JsonElement table, string rowKey, int column = 0) =>
        table.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == rowKey).GetProperty("cells")[column];

    /// <summary>The cell as the page and the exports show it: the number, "&lt; 5" below the threshold, "x" when it protects another, "—" when unknown.</summary>
    public static string Shown(JsonElement cell) =>
        Value(cell)?.ToString(System.Globalization.CultureInfo.InvariantCulture)
        ?? (!cell.GetProperty("suppressed").GetBoolean() ? "—" : cell.GetProperty("secondary").GetBoolean() ? "x" : "< 5");

    public static long? Value(JsonElement cell) => cell.GetProperty("value").ValueKind == JsonValueKind.Null ? null : cell.GetProperty("value").GetInt64();
}
