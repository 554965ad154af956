namespace Meldroute.Tests.Features.Region;

/// <summary>The attacker of the region's tests: what a reader can compute exactly from published tables by adding and subtracting rows and columns.</summary>
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
}
