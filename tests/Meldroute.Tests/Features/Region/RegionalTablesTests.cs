using System.Globalization;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Features.Region;

namespace Meldroute.Tests.Features.Region;

/// <summary>
/// The region's tables as an attacker reads them: beside every municipality's own figures page. Each municipality's
/// own page is one suppressed cube (year, form, source, minor) whose tables are published for all years and for each
/// year; the region's page puts them side by side with <see cref="RegionalTables"/>. Every row and column of every
/// table is an equation, a count shown in two places is one unknown, and linear algebra over all of it tries to pin
/// down each hidden count. None above zero may come out, and no count may be shown in one place and hidden in another.
/// </summary>
[Trait("Category", "Domain")]
public sealed class RegionalTablesTests
{
    private const int T = SuppressedCube.Total;
    private const int Threshold = 5;
    private static readonly int[] Sizes = [3, 4, 3, 2]; // year, form, source, minor

    [Fact]
    public void A_regions_sum_is_shown_only_when_every_municipalitys_count_in_it_is_shown()
    {
        FigureCell Shown(long value) => new(value, false);
        FigureCell Small() => new(null, true);
        FigureCell Protecting() => new(null, true, Secondary: true);

        Assert.Equal(Shown(17), RegionalTables.Sum([Shown(8), Shown(9), Shown(0)]));
        // One hidden beside a count: the sum minus that count would give it away.
        Assert.Equal(Protecting(), RegionalTables.Sum([Small(), Shown(8)]));
        Assert.Equal(Protecting(), RegionalTables.Sum([Small(), Small()]));
        Assert.Equal(Protecting(), RegionalTables.Sum([Protecting(), Shown(0), Shown(12)]));
        // One hidden beside zeros is the sum itself and keeps its own mark.
        Assert.Equal(Small(), RegionalTables.Sum([Shown(0), Small(), Shown(0)]));
        Assert.Equal(Protecting(), RegionalTables.Sum([Protecting(), Shown(0)]));
    }

    [Fact]
    public void A_municipalitys_column_is_the_last_column_of_its_own_table_and_a_year_before_its_first_is_zero()
    {
        var own = new FigureTable("per-form", "", "", "", ["2025", "2026", "Totaal"],
        [
            new FigureRow("Sexual", "Seksueel", [new FigureCell(null, true), new FigureCell(6, false), new FigureCell(null, true, true)]),
            new FigureRow("total", "Totaal", [new FigureCell(20, false), new FigureCell(30, false), new FigureCell(50, false)], IsTotal: true),
        ]);
        var other = new FigureTable("per-form", "", "", "", ["Totaal"], [new FigureRow("Sexual", "", [new FigureCell(7, false)]), new FigureRow("total", "", [new FigureCell(40, false)], true)]);

        var rows = RegionalTables.SideBySide([new RegionalRow("2019", "2019"), new RegionalRow("Sexual", "Seksueel"), new RegionalRow("total", "Totaal", IsTotal: true)], [own, other]);

        Assert.Equal([new FigureCell(0, false), new FigureCell(0, false), new FigureCell(0, false)], rows[0].Cells);
        Assert.Equal([new FigureCell(null, true, true), new FigureCell(7, false), new FigureCell(null, true, true)], rows[1].Cells);
        Assert.Equal([50L, 40L, 90L], rows[2].Cells.Select(c => c.Value));
        Assert.True(rows[2].IsTotal);
        Assert.Equal("Seksueel", rows[1].Label);
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

    /// <summary>The issue's example: a small count of one municipality beside a larger one and the region's sum.</summary>
    [Fact]
    public void A_small_count_cannot_be_taken_from_the_regions_sum_minus_the_other_municipalitys_own_page()
    {
        // One year, one source, no minors: form 0..2 for A (3, 10, 12) and B (8, 9, 7).
        var a = Own([3, 10, 12]);
        var b = Own([8, 9, 7]);
        var (published, lines, truth) = Everything([a, b]);

        Assert.Null(published["A0|0,0,T,T"]);
        Assert.Equal(8, published["A1|0,0,T,T"]);
        Assert.Null(published["R|0,0,T,T"]);
        AssertNothingDerivable(published, lines, truth);
    }

    [Fact]
    public void Without_it_the_regions_sum_gives_a_small_count_away()
    {
        // The control: the region's sums shown whenever they are not small themselves, as a separate suppression of the
        // region's own table would allow (11 = 3 + 8): A's 3 comes out of B's own page.
        var (published, lines, truth) = Everything([Own([3, 10, 12]), Own([8, 9, 7])]);
        foreach (var key in published.Keys.Where(k => k.StartsWith("R|", StringComparison.Ordinal)).ToList())
        {
            published[key] = truth[key] is var v && (v == 0 || v >= Threshold) ? v : null;
        }

        Assert.Contains("A0|0,0,T,T", RegionalAttack.Derivable(published, lines));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void No_hidden_count_can_be_derived_from_the_region_beside_every_municipalitys_own_page(int seed)
    {
        var random = new Random(seed);
        var municipalities = new List<SuppressedCube>();
        for (var m = 0; m < 2 + (seed % 3); m++)
        {
            // Sparse and small: a third of the combinations are empty, the rest 1..6 (many below the threshold).
            var counts = new long[Sizes.Aggregate(1, (x, y) => x * y)];
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = random.Next(3) > 0 ? random.Next(1, 7) : 0;
            }

            municipalities.Add(Suppression.Apply(Cube(counts), Threshold));
        }

        var (published, lines, truth) = Everything(municipalities);
        Assert.Contains(published.Values, v => v is null);
        AssertNothingDerivable(published, lines, truth);
    }

    /// <summary>A municipality's own cube of one year and one source, without minors: the given counts per form, and a fourth form empty.</summary>
    private static SuppressedCube Own(long[] perForm)
    {
        var counts = new long[Sizes.Aggregate(1, (x, y) => x * y)];
        for (var f = 0; f < perForm.Length; f++)
        {
            counts[Offset(0, f, 0, 1)] = perForm[f];
        }

        return Suppression.Apply(Cube(counts), Threshold);
    }

    private static int Offset(int year, int form, int source, int minor) => (((((year * Sizes[1]) + form) * Sizes[2]) + source) * Sizes[3]) + minor;

    private static FigureCube Cube(long[] counts) =>
        new(["year", "form", "source", "minor"], [.. Sizes.Select(n => (IReadOnlyList<string>)[.. Enumerable.Range(0, n).Select(i => i.ToString(CultureInfo.InvariantCulture))])], counts);

    private static string Name(string who, int[] at) => who + "|" + string.Join(",", at.Select(c => c == T ? "T" : c.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// Everything published: each municipality's own tables (per year; per form, source and minor for all years and for
    /// each year) and the region's (the same, side by side and summed), with their lines and each unknown's true value.
    /// </summary>
    private static (Dictionary<string, long?> Published, List<string[]> Lines, Dictionary<string, long> Truth) Everything(IReadOnlyList<SuppressedCube> municipalities)
    {
        var published = new Dictionary<string, long?>(StringComparer.Ordinal);
        var truth = new Dictionary<string, long>(StringComparer.Ordinal);
        var lines = new List<string[]>();
        var who = Enumerable.Range(0, municipalities.Count).Select(m => "A" + m.ToString(CultureInfo.InvariantCulture)).ToList();
        var years = Enumerable.Range(0, Sizes[0]).Append(T).ToList();

        void Publish(string name, FigureCell cell, long value)
        {
            Assert.False(cell.Value is > 0 and < Threshold, $"a count below the threshold is shown: {name}");
            Assert.True(!published.TryGetValue(name, out var before) || before == cell.Value, $"{name} is shown as {before} in one place and {cell.Value} in another");
            published[name] = cell.Value;
            truth[name] = value;
        }

        // The tables: the per-year table (dimension 0, at "all years") and per dimension d > 0 one table per year slice.
        var slices = new List<(int Dimension, int Year)> { (0, T) };
        for (var d = 1; d < Sizes.Length; d++)
        {
            slices.AddRange(years.Select(y => (d, y)));
        }

        foreach (var (d, year) in slices)
        {
            var values = Enumerable.Range(0, Sizes[d]).Append(T).ToList();
            int[] At(int value)
            {
                var at = new int[Sizes.Length];
                Array.Fill(at, T);
                at[d] = value;
                if (d != 0)
                {
                    at[0] = year;
                }

                return at;
            }

            // Each municipality's own table: its column, and (for all years) the lines across its year columns.
            var ownTables = new List<FigureTable>();
            for (var m = 0; m < municipalities.Count; m++)
            {
                var cube = municipalities[m];
                var rows = values.Select(v => new FigureRow(v == T ? "total" : v.ToString(CultureInfo.InvariantCulture), "", [FigureCell.Of(cube, At(v))], v == T)).ToList();
                foreach (var v in values)
                {
                    Publish(Name(who[m], At(v)), FigureCell.Of(cube, At(v)), cube.Count(At(v)));
                }

                lines.Add([.. values.Select(v => Name(who[m], At(v)))]);
                if (d != 0 && year == T)
                {
                    foreach (var v in values)
                    {
                        lines.Add([.. years.Select(y => Name(who[m], [.. At(v).Select((c, i) => i == 0 ? y : c)]))]);
                    }
                }

                ownTables.Add(new FigureTable("t", "", "", "", ["n"], rows));
            }

            // The region's table.
            var region = RegionalTables.SideBySide([.. values.Select(v => new RegionalRow(v == T ? "total" : v.ToString(CultureInfo.InvariantCulture), "", v == T))], ownTables);
            for (var r = 0; r < values.Count; r++)
            {
                var at = At(values[r]);
                for (var m = 0; m < municipalities.Count; m++)
                {
                    Publish(Name(who[m], at), region[r].Cells[m], municipalities[m].Count(at));
                }

                Publish(Name("R", at), region[r].Cells[^1], municipalities.Sum(c => c.Count(at)));
                lines.Add([.. who.Select(w => Name(w, at)), Name("R", at)]);
            }

            lines.Add([.. values.Select(v => Name("R", At(v)))]);
            if (d != 0 && year == T)
            {
                foreach (var v in values)
                {
                    lines.Add([.. years.Select(y => Name("R", [.. At(v).Select((c, i) => i == 0 ? y : c)]))]);
                }
            }
        }

        return (published, lines, truth);
    }

    private static void AssertNothingDerivable(Dictionary<string, long?> published, List<string[]> lines, Dictionary<string, long> truth)
    {
        var derived = RegionalAttack.Derivable(published, lines).Where(u => truth[u] > 0).ToList();
        Assert.True(derived.Count == 0, "hidden counts that can be derived: " + string.Join("; ", derived.Select(u => $"{u} = {truth[u]}")));
    }
}
