using System.Globalization;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Features.Region;

namespace Meldroute.Tests.Features.Region;

/// <summary>
/// The region's suppression as an attacker tries it: every table the region's page can show (each dimension, all years
/// and each year) is published at once, every row and column of each is an equation (cells add up to the total, the
/// municipalities to the region's sum), cells shared by two tables are one unknown, and linear algebra over all of it
/// tries to pin down each suppressed cell. None may come out, and no published count may be below the threshold.
/// </summary>
[Trait("Category", "Domain")]
public sealed class RegionalCubeTests
{
    private const int T = SuppressedCube.Total;
    private const int Threshold = 5;

    private static RegionalDimension Dimension(string name, int count)
    {
        var keys = Enumerable.Range(0, count).Select(i => name + i.ToString(CultureInfo.InvariantCulture)).ToList();
        return new RegionalDimension(name, keys, keys);
    }

    /// <summary>The example of the issue: a small count of one municipality beside a larger one and the region's sum.</summary>
    [Fact]
    public void A_small_count_is_hidden_and_cannot_be_taken_from_the_regions_sum_or_the_municipalitys_total()
    {
        // form 0..2 for municipality A (3, 10, 12) and B (8, 9, 7); one year.
        long[][] perMunicipality = [[3, 10, 12], [8, 9, 7]];
        var facts = perMunicipality.SelectMany((counts, m) => counts.Select((c, f) => new RegionalFact(m, [0, f], c)));
        RegionalDimension[] dimensions = [Dimension("year", 1), Dimension("form", 3)];
        var cube = RegionalCube.Suppress(["A", "B"], dimensions, facts, Threshold);

        var table = cube.Table(1, "Totaal");
        var sexual = table[0];
        Assert.True(sexual.Cells[0].Suppressed && !sexual.Cells[0].Secondary, "A's 3 is a primary suppression");
        // The region's row: 11 published with B's 8 would give A's 3 away, so a second entry of the row is hidden.
        Assert.True(sexual.Cells.Count(c => c.Suppressed) >= 2, "the row of the region's sum has a second suppression");
        // A's column: its total 25 with 10 and 12 published would give 3 away, so a second entry of the column is hidden.
        Assert.True(table.Select(r => r.Cells[0]).Count(c => c.Suppressed) >= 2, "A's column has a second suppression");
        Assert.Equal("Totaal", table[^1].Label);
        Assert.True(table[^1].IsTotal);
        AssertNothingDerivable(cube, dimensions, Threshold);
    }

    [Fact]
    public void The_attack_itself_finds_a_cell_hidden_alone_in_a_line()
    {
        // Proof that the check below can fail: a 2 x 2 table with a total row and column where only one cell is hidden.
        var published = new Dictionary<string, long?>
        {
            ["a"] = null, ["b"] = 7, ["ab"] = 9,
            ["c"] = 6, ["d"] = 8, ["cd"] = 14,
            ["ac"] = 8, ["bd"] = 15, ["all"] = 23,
        };
        string[][] lines = [["a", "b", "ab"], ["c", "d", "cd"], ["a", "c", "ac"], ["b", "d", "bd"], ["ab", "cd", "all"], ["ac", "bd", "all"]];
        Assert.Equal(["a"], RegionalAttack.Derivable(published, lines));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void No_suppressed_cell_of_any_table_can_be_derived_from_everything_the_region_publishes(int seed)
    {
        var random = new Random(seed);
        var municipalities = Enumerable.Range(0, 2 + (seed % 3)).Select(i => "M" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        RegionalDimension[] dimensions = [Dimension("year", 3), Dimension("form", 4), Dimension("source", 3), Dimension("minor", 2)];
        var facts = new List<RegionalFact>();
        for (var m = 0; m < municipalities.Count; m++)
        {
            // Sparse and small: a third of the combinations are empty, the rest 1..6 (many below the threshold).
            for (var y = 0; y < 3; y++)
            {
                for (var f = 0; f < 4; f++)
                {
                    for (var s = 0; s < 3; s++)
                    {
                        for (var n = 0; n < 2; n++)
                        {
                            if (random.Next(3) > 0)
                            {
                                facts.Add(new RegionalFact(m, [y, f, s, n], random.Next(1, 7)));
                            }
                        }
                    }
                }
            }
        }

        var cube = RegionalCube.Suppress(municipalities, dimensions, facts, Threshold);
        AssertNothingDerivable(cube, dimensions, Threshold);
    }

    /// <summary>Every table the page shows: each dimension over all years, and each dimension but the year for each year.</summary>
    private static void AssertNothingDerivable(RegionalCube cube, RegionalDimension[] dimensions, int threshold)
    {
        var published = new Dictionary<string, long?>(StringComparer.Ordinal);
        var lines = new List<string[]>();
        var columns = Enumerable.Range(0, cube.Municipalities.Count).Append(T).ToList();
        var slices = new List<(int Dimension, int? Year)>();
        for (var d = 0; d < dimensions.Length; d++)
        {
            slices.Add((d, null));
            if (d > 0)
            {
                slices.AddRange(Enumerable.Range(0, dimensions[0].Keys.Count).Select(y => (d, (int?)y)));
            }
        }

        var suppressedShown = 0;
        foreach (var (d, year) in slices)
        {
            var rows = cube.Table(d, "Totaal", year is { } y ? new Dictionary<int, int> { [0] = y } : null);
            var rowIndexes = Enumerable.Range(0, dimensions[d].Keys.Count).Append(T).ToList();
            string Key(int row, int column)
            {
                var coordinates = new int[dimensions.Length + 1];
                coordinates[0] = column;
                for (var i = 0; i < dimensions.Length; i++)
                {
                    coordinates[i + 1] = i == d ? row : i == 0 && year is { } only ? only : T;
                }

                return string.Join(",", coordinates);
            }

            for (var r = 0; r < rowIndexes.Count; r++)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    var cell = rows[r].Cells[c];
                    Assert.False(cell.Value is > 0 and var v && v < threshold, $"a count below the threshold is published: {Key(rowIndexes[r], columns[c])} = {cell.Value}");
                    Assert.Equal(cell.Suppressed, cell.Value is null);
                    published[Key(rowIndexes[r], columns[c])] = cell.Value;
                    suppressedShown += cell.Suppressed ? 1 : 0;
                }

                lines.Add([.. columns.Select(c => Key(rowIndexes[r], c))]);
            }

            foreach (var c in columns)
            {
                lines.Add([.. rowIndexes.Select(r => Key(r, c))]);
            }
        }

        Assert.True(suppressedShown > 0, "the data has small counts, so something is suppressed");
        var derived = RegionalAttack.Derivable(published, lines);
        Assert.True(derived.Count == 0, "suppressed cells that can be derived: " + string.Join("; ", derived));
    }
}
