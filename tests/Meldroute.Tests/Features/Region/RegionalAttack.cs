using System.Text.Json;

namespace Meldroute.Tests.Features.Region;

/// <summary>The attacker of the figures' and the region's tests: what a reader can compute exactly from published tables by adding and subtracting rows and columns.</summary>
internal static class RegionalAttack
{
    /// <summary>
    /// Which unknowns (null values) the equations "the last entry of each line is the sum of the others" determine
    /// exactly: Gauss-Jordan elimination over the unknowns; an unknown is determined when a reduced row has it alone.
    /// </summary>
    public static List<string> Derivable(Dictionary<string, long?> published, IEnumerable<string[]> lines)
    {
        var unknowns = published.Where(p => p.Value is null).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var column = unknowns.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i, StringComparer.Ordinal);
        var matrix = new List<double[]>();
        foreach (var line in lines)
        {
            var row = new double[unknowns.Count];
            for (var i = 0; i < line.Length; i++)
            {
                if (column.TryGetValue(line[i], out var j))
                {
                    row[j] += i == line.Length - 1 ? -1 : 1;
                }
            }

            if (row.Any(v => v != 0))
            {
                matrix.Add(row);
            }
        }

        const double Epsilon = 1e-9;
        var pivotRow = 0;
        for (var j = 0; j < unknowns.Count && pivotRow < matrix.Count; j++)
        {
            var best = Enumerable.Range(pivotRow, matrix.Count - pivotRow).MaxBy(r => Math.Abs(matrix[r][j]));
            if (Math.Abs(matrix[best][j]) < Epsilon)
            {
                continue;
            }

            (matrix[pivotRow], matrix[best]) = (matrix[best], matrix[pivotRow]);
            var pivot = matrix[pivotRow][j];
            for (var k = 0; k < unknowns.Count; k++)
            {
                matrix[pivotRow][k] /= pivot;
            }

            for (var r = 0; r < matrix.Count; r++)
            {
                if (r != pivotRow && Math.Abs(matrix[r][j]) > Epsilon)
                {
                    var factor = matrix[r][j];
                    for (var k = 0; k < unknowns.Count; k++)
                    {
                        matrix[r][k] -= factor * matrix[pivotRow][k];
                    }
                }
            }

            pivotRow++;
        }

        return [.. matrix.Take(pivotRow)
            .Where(row => row.Count(v => Math.Abs(v) > Epsilon) == 1)
            .Select(row => unknowns[Array.FindIndex(row, v => Math.Abs(v) > Epsilon)])];
    }

    /// <summary>
    /// Every cell of the answers under one name per count: "who|table|row|year", who being a municipality or R (the
    /// region's sum), year a year or "all"; a table's total row is the total of its year ("who|total|year", the per-year
    /// table's row), so a count shown in several tables is one unknown. A name shown twice must be shown the same.
    /// The lines: every row and column of every table, and every row across the years and all years.
    /// </summary>
    public static (Dictionary<string, long?> Published, List<string[]> Lines) Published(
        IEnumerable<(JsonElement Figures, string? Owner, string Year)> answers, IReadOnlyList<string> municipalities, IReadOnlyList<string> years)
    {
        string[] keys = ["per-year", "per-form", "per-source", "per-location", "minors"];
        var published = new Dictionary<string, long?>(StringComparer.Ordinal);
        var lines = new List<string[]>();
        var rowKeys = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        static string Name(string who, string table, string row, string year) =>
            table == "per-year" ? $"{who}|total|{(row == "total" ? "all" : row)}" : row == "total" ? $"{who}|total|{year}" : $"{who}|{table}|{row}|{year}";
        foreach (var (figures, owner, year) in answers)
        {
            foreach (var table in figures.GetProperty("tables").EnumerateArray().Where(t => keys.Contains(t.GetProperty("key").GetString())))
            {
                var key = table.GetProperty("key").GetString()!;
                if (key == "per-year" && owner is not null && year != "all")
                {
                    continue; // a municipality's own per-year table of one year counts that year only: other counts
                }

                var columns = table.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
                // Who and which year each column is: the region's columns are its municipalities and its sum; an own
                // page's are years and the total, or one column of the filter's year.
                var at = columns.Select((label, c) =>
                    owner is null ? (c < municipalities.Count ? municipalities[c] : "R", year)
                    : int.TryParse(label, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) ? (owner, label)
                    : columns.Count > 1 ? (owner, "all")
                    : (owner, year)).ToList();
                var rows = table.GetProperty("rows").EnumerateArray().ToList();
                foreach (var row in rows)
                {
                    var rowKey = row.GetProperty("key").GetString()!;
                    rowKeys.TryAdd(key, new HashSet<string>(StringComparer.Ordinal));
                    rowKeys[key].Add(rowKey);
                    var cells = row.GetProperty("cells").EnumerateArray().ToList();
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var name = Name(at[c].Item1, key, rowKey, at[c].Item2);
                        // Shown anywhere is known: a count hidden in one table and shown in another is taken as shown.
                        var value = Value(cells[c]);
                        Assert.True(!published.TryGetValue(name, out var before) || before is null || value is null || before == value, $"{name} is shown as {before} in one place and as {value} in another");
                        published[name] = value ?? published.GetValueOrDefault(name);
                    }

                    if (columns.Count > 1)
                    {
                        lines.Add([.. at.Select(a => Name(a.Item1, key, rowKey, a.Item2))]);
                    }
                }

                foreach (var (who, y) in at)
                {
                    lines.Add([.. rows.Select(r => Name(who, key, r.GetProperty("key").GetString()!, y))]);
                }
            }
        }

        foreach (var who in municipalities.Append("R").Where(w => published.Keys.Any(k => k.StartsWith(w + "|", StringComparison.Ordinal))))
        {
            foreach (var (key, rowsOfTable) in rowKeys.Where(k => k.Key != "per-year"))
            {
                foreach (var row in rowsOfTable)
                {
                    lines.Add([.. years.Select(y => Name(who, key, row, y)), Name(who, key, row, "all")]);
                }
            }
        }

        Assert.All(lines.SelectMany(l => l), name => Assert.True(published.ContainsKey(name), name + " is in a line but shown nowhere"));
        return (published, lines);
    }

    private static long? Value(JsonElement cell) => cell.GetProperty("value").ValueKind == JsonValueKind.Null ? null : cell.GetProperty("value").GetInt64();
}
