using System.Globalization;
using Meldroute.Web.Features.Figures;

namespace Meldroute.Tests.Features.Figures;

[Trait("Category", "Domain")]
public sealed class SuppressionTests
{
    private const int T = SuppressedCube.Total;

    private static readonly int[] Entries = [0, 1, 2, 3, 4, T];

    private static string[] Labels(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static FigureCube OneDimensional(params long[] counts) => new(["form"], [Labels("f", counts.Length)], counts);

    private static FigureCube TwoDimensional(long[,] counts)
    {
        var rows = counts.GetLength(0);
        var columns = counts.GetLength(1);
        var flat = new long[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                flat[r * columns + c] = counts[r, c];
            }
        }

        return new FigureCube(["month", "form"], [Labels("m", rows), Labels("f", columns)], flat);
    }

    private static FigureCube RandomCube(Random random, int dimensions)
    {
        var names = Labels("dim", dimensions);
        var values = new IReadOnlyList<string>[dimensions];
        var cells = 1;
        for (var d = 0; d < dimensions; d++)
        {
            values[d] = Labels("v", random.Next(2, 7));
            cells *= values[d].Count;
        }

        // Skewed towards small counts, so that most tables need primary and secondary suppression.
        var counts = new long[cells];
        for (var i = 0; i < cells; i++)
        {
            counts[i] = (long)Math.Floor(13 * Math.Pow(random.NextDouble(), 2));
        }

        return new FigureCube(names, values, counts);
    }

    private static IEnumerable<FigureCube> RandomCubes(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return RandomCube(random, random.Next(1, 4));
        }
    }

    private static int[] ValueCounts(FigureCube cube) => cube.Values.Select(v => v.Count).ToArray();

    /// <summary>Every coordinate of the cube with margins: per dimension Total and 0..n-1.</summary>
    private static List<int[]> AllCoordinates(int[] valueCounts)
    {
        var all = new List<int[]> { new int[valueCounts.Length] };
        for (var d = 0; d < valueCounts.Length; d++)
        {
            all = [.. all.SelectMany(prefix => Enumerable.Range(T, valueCounts[d] + 1).Select(v =>
            {
                var next = (int[])prefix.Clone();
                next[d] = v;
                return next;
            }))];
        }

        return all;
    }

    /// <summary>Every line: one dimension over its values with its Total last, the other dimensions fixed.</summary>
    private static List<int[][]> AllLines(int[] valueCounts)
    {
        var lines = new List<int[][]>();
        foreach (var anchor in AllCoordinates(valueCounts))
        {
            for (var d = 0; d < valueCounts.Length; d++)
            {
                if (anchor[d] != T)
                {
                    continue;
                }

                var line = new int[valueCounts[d] + 1][];
                for (var v = 0; v <= valueCounts[d]; v++)
                {
                    line[v] = (int[])anchor.Clone();
                    line[v][d] = v == valueCounts[d] ? T : v;
                }

                lines.Add(line);
            }
        }

        return lines;
    }

    private static string Key(int[] coordinates) => string.Join(',', coordinates);

    private static HashSet<string> Pattern(SuppressedCube result) =>
        AllCoordinates(ValueCounts(result.Cube)).Where(c => result.IsSuppressed(c)).Select(Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The differencing attacker: as long as some line has exactly one unknown entry, it computes that entry from the
    /// others (total minus the cells, or the sum of the cells). Returns what it recovered beyond what it was given.
    /// </summary>
    private static Dictionary<string, long> PeelLines(int[] valueCounts, Func<int[], long?> published)
    {
        var known = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var c in AllCoordinates(valueCounts))
        {
            if (published(c) is { } value)
            {
                known[Key(c)] = value;
            }
        }

        var recovered = new Dictionary<string, long>(StringComparer.Ordinal);
        var lines = AllLines(valueCounts);
        bool progress;
        do
        {
            progress = false;
            foreach (var line in lines)
            {
                var unknown = line.Where(c => !known.ContainsKey(Key(c))).ToList();
                if (unknown.Count != 1)
                {
                    continue;
                }

                var total = line[^1];
                var cellsKnown = line[..^1].Where(c => known.ContainsKey(Key(c))).Sum(c => known[Key(c)]);
                var value = Key(unknown[0]) == Key(total) ? cellsKnown : known[Key(total)] - cellsKnown;
                known[Key(unknown[0])] = value;
                recovered[Key(unknown[0])] = value;
                progress = true;
            }
        }
        while (progress);

        return recovered;
    }

    // ---- Primary suppression ----

    [Fact]
    public void One_dimension_suppresses_the_small_counts_and_publishes_zero()
    {
        var result = Suppression.Apply(OneDimensional(0, 3, 7, 12, 4));

        Assert.Equal(Suppression.DefaultThreshold, result.Threshold);
        Assert.Equal(new[] { false, true, false, false, true, false }, Entries.Select(i => result.IsSuppressed(i)).ToArray());
        Assert.Equal(0, result.Published(0));
        Assert.Null(result.Published(1));
        Assert.Equal(26, result.Published(T));
        Assert.Equal(3, result.Count(1));
        Assert.Equal(2, result.SuppressedCount);
    }

    [Fact]
    public void Two_dimensions_suppress_exactly_the_small_cells_when_they_already_protect_each_other()
    {
        var result = Suppression.Apply(TwoDimensional(new long[,]
        {
            { 2, 3, 10 },
            { 4, 1, 20 },
            { 9, 8, 30 },
        }));

        Assert.Equal(new HashSet<string>(["0,0", "0,1", "1,0", "1,1"], StringComparer.Ordinal), Pattern(result));
        Assert.Equal(87, result.Published(T, T));
        Assert.Equal(15, result.Published(0, T));
        Assert.Equal(15, result.Published(T, 0));
    }

    [Fact]
    public void A_higher_threshold_suppresses_more()
    {
        var result = Suppression.Apply(TwoDimensional(new long[,]
        {
            { 2, 3, 10 },
            { 4, 1, 20 },
            { 9, 8, 30 },
        }), threshold: 10);

        Assert.Equal(10, result.Threshold);
        Assert.Equal(new HashSet<string>(["0,0", "0,1", "1,0", "1,1", "2,0", "2,1"], StringComparer.Ordinal), Pattern(result));

        var oneDimension = Suppression.Apply(OneDimensional(0, 3, 7, 12, 4), threshold: 10);
        Assert.Equal(new[] { false, true, true, false, true, false }, Entries.Select(i => oneDimension.IsSuppressed(i)).ToArray());
    }

    [Fact]
    public void Small_margins_are_suppressed_too()
    {
        // A month with 4 signals in total identifies as much as a cell of 4 does.
        var result = Suppression.Apply(TwoDimensional(new long[,]
        {
            { 4, 0 },
            { 10, 12 },
        }));

        Assert.True(result.IsSuppressed(0, 0));
        Assert.True(result.IsSuppressed(0, T));
        Assert.Equal(0, result.Published(0, 1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_threshold_of_one_or_less_suppresses_nothing(int threshold)
    {
        var result = Suppression.Apply(TwoDimensional(new long[,] { { 1, 2 }, { 0, 3 } }), threshold);

        Assert.Equal(0, result.SuppressedCount);
        Assert.Equal(1, result.Published(0, 0));
    }

    [Fact]
    public void A_cube_of_zeros_publishes_everything()
    {
        var result = Suppression.Apply(TwoDimensional(new long[,] { { 0, 0 }, { 0, 0 } }));

        Assert.Equal(0, result.SuppressedCount);
        Assert.Equal(0, result.Published(T, T));
    }

    // ---- Secondary suppression ----

    [Fact]
    public void A_small_cell_takes_a_cell_of_its_row_and_of_its_column_with_it()
    {
        var result = Suppression.Apply(TwoDimensional(new long[,]
        {
            { 3, 6, 20 },
            { 7, 15, 30 },
            { 8, 40, 50 },
        }));

        // Primary (0,0); its row gives up the smallest other cell (0,1), its column (1,0); (1,1) closes the rectangle.
        Assert.Equal(new HashSet<string>(["0,0", "0,1", "1,0", "1,1"], StringComparer.Ordinal), Pattern(result));
        Assert.Equal(29, result.Published(0, T));
        Assert.Equal(18, result.Published(T, 0));
    }

    [Fact]
    public void Partners_are_found_among_positive_cells_rather_than_zeros()
    {
        var result = Suppression.Apply(TwoDimensional(new long[,]
        {
            { 3, 6, 20 },
            { 7, 0, 0 },
            { 8, 40, 50 },
        }));

        // (0,0) = 3 is protected by the rectangle with row 2 and column 1: the row of 7 with zeros beside it would
        // need a suppressed zero (which a reader may guess) or its total.
        Assert.Equal(new HashSet<string>(["0,0", "0,1", "2,0", "2,1"], StringComparer.Ordinal), Pattern(result));
        Assert.Equal(7, result.Published(1, T));
        Assert.Equal(0, result.Published(1, 1));
        Assert.Empty(PeelLines(ValueCounts(result.Cube), result.Published));
        Assert.DoesNotContain(DeterminedByAllLines(result), key => Primary(result, key));
    }

    [Fact]
    public void A_dimension_with_one_value_suppresses_its_margin_with_the_cell()
    {
        var result = Suppression.Apply(new FigureCube(["source"], [["police"]], [3]));

        Assert.True(result.IsSuppressed(0));
        Assert.True(result.IsSuppressed(T));
    }

    // ---- Primary and secondary: "< 5" only for counts that are below the threshold ----

    [Fact]
    public void A_cell_hidden_only_to_protect_another_is_secondary_and_shown_as_x_not_as_below_the_threshold()
    {
        // The case from the issue: 1 and 13 with a total of 14. The 13 is hidden to protect the 1; "< 5" would be a lie.
        var result = Suppression.Apply(OneDimensional(1, 13));

        Assert.Equal(SuppressionKind.Primary, result.Kind(0));
        Assert.Equal(SuppressionKind.Secondary, result.Kind(1));
        Assert.Equal(SuppressionKind.None, result.Kind(T));
        Assert.Equal("< 5", ExportFigures.Display(FigureCell.Of(result, 0), result.Threshold));
        Assert.Equal("x", ExportFigures.Display(FigureCell.Of(result, 1), result.Threshold));
        Assert.Equal("14", ExportFigures.Display(FigureCell.Of(result, T), result.Threshold));
        Assert.Equal(new FigureCell(null, true, Secondary: true), FigureCell.Of(result, 1));
    }

    [Fact]
    public void The_rectangle_around_a_small_cell_is_one_primary_and_three_secondary_cells()
    {
        var result = Suppression.Apply(TwoDimensional(new long[,]
        {
            { 3, 6, 20 },
            { 7, 15, 30 },
            { 8, 40, 50 },
        }));

        Assert.Equal(SuppressionKind.Primary, result.Kind(0, 0));
        Assert.Equal(
            [SuppressionKind.Secondary, SuppressionKind.Secondary, SuppressionKind.Secondary],
            [result.Kind(0, 1), result.Kind(1, 0), result.Kind(1, 1)]);
        Assert.Equal(SuppressionKind.None, result.Kind(0, T));
    }

    [Fact]
    public void Every_entry_of_many_random_cubes_is_primary_exactly_when_its_count_is_below_the_threshold()
    {
        var secondary = 0;
        foreach (var cube in RandomCubes(seed: 20261207, count: 200))
        {
            foreach (var threshold in new[] { 3, Suppression.DefaultThreshold, 10 })
            {
                var result = Suppression.Apply(cube, threshold);
                foreach (var c in AllCoordinates(ValueCounts(cube)))
                {
                    var count = result.Count(c);
                    var small = count > 0 && count < threshold;
                    var expected = !result.IsSuppressed(c) ? SuppressionKind.None : small ? SuppressionKind.Primary : SuppressionKind.Secondary;
                    Assert.Equal(expected, result.Kind(c));
                    Assert.Equal(small, expected == SuppressionKind.Primary);
                    secondary += expected == SuppressionKind.Secondary ? 1 : 0;
                }
            }
        }

        // Guards the test itself: the skewed cubes do need secondary suppression.
        Assert.True(secondary > 0);
    }

    // ---- Differencing attacks ----

    [Fact]
    public void The_line_peeling_attacker_recovers_a_value_when_only_primary_suppression_is_applied()
    {
        // Guards the attacker itself: against primary suppression alone it must succeed.
        var result = Suppression.Apply(TwoDimensional(new long[,]
        {
            { 3, 6, 20 },
            { 7, 15, 30 },
        }));
        var primaryOnly = (int[] c) => result.Count(c) is > 0 and < 5 ? (long?)null : result.Count(c);

        var recovered = PeelLines([2, 3], primaryOnly);

        Assert.Equal(3, recovered["0,0"]);
    }

    [Fact]
    public void The_line_peeling_attacker_recovers_nothing_from_many_random_cubes()
    {
        foreach (var cube in RandomCubes(seed: 20261128, count: 400))
        {
            foreach (var threshold in new[] { 3, Suppression.DefaultThreshold, 10 })
            {
                var result = Suppression.Apply(cube, threshold);

                var recovered = PeelLines(ValueCounts(cube), result.Published);

                Assert.Empty(recovered);
            }
        }
    }

    /// <summary>
    /// The strongest differencing attacker: it writes every published line as an equation (cells add up to the total)
    /// and solves them all together. A suppressed entry is given away exactly when its unit vector lies in the row space
    /// of the equations restricted to the suppressed entries (Gaussian elimination modulo a large prime, which for
    /// these 0/±1 systems gives the same rank as over the rationals).
    /// </summary>
    private static List<string> DeterminedByAllLines(SuppressedCube result)
    {
        const long prime = 2_147_483_647;
        var valueCounts = ValueCounts(result.Cube);
        var unknowns = AllCoordinates(valueCounts).Where(c => result.IsSuppressed(c)).Select(Key).ToList();
        var column = unknowns.Select((key, i) => (key, i)).ToDictionary(x => x.key, x => x.i, StringComparer.Ordinal);
        var rows = new List<long[]>();
        foreach (var line in AllLines(valueCounts))
        {
            var row = new long[unknowns.Count];
            var any = false;
            for (var v = 0; v < line.Length; v++)
            {
                if (column.TryGetValue(Key(line[v]), out var j))
                {
                    row[j] = v == line.Length - 1 ? prime - 1 : 1; // cells minus the total
                    any = true;
                }
            }

            if (any)
            {
                rows.Add(row);
            }
        }

        static long Power(long b, long e, long m)
        {
            long r = 1;
            b %= m;
            while (e > 0)
            {
                if ((e & 1) == 1)
                {
                    r = (long)((System.Numerics.BigInteger)r * b % m);
                }

                b = (long)((System.Numerics.BigInteger)b * b % m);
                e >>= 1;
            }

            return r;
        }

        // Reduced row echelon form.
        var pivotOfColumn = new int[unknowns.Count];
        Array.Fill(pivotOfColumn, -1);
        var rank = 0;
        for (var c = 0; c < unknowns.Count && rank < rows.Count; c++)
        {
            var pivot = Enumerable.Range(rank, rows.Count - rank).FirstOrDefault(r => rows[r][c] != 0, -1);
            if (pivot < 0)
            {
                continue;
            }

            (rows[rank], rows[pivot]) = (rows[pivot], rows[rank]);
            var inverse = Power(rows[rank][c], prime - 2, prime);
            for (var j = 0; j < unknowns.Count; j++)
            {
                rows[rank][j] = rows[rank][j] * inverse % prime;
            }

            for (var r = 0; r < rows.Count; r++)
            {
                if (r != rank && rows[r][c] != 0)
                {
                    var factor = rows[r][c];
                    for (var j = 0; j < unknowns.Count; j++)
                    {
                        rows[r][j] = ((rows[r][j] - (factor * rows[rank][j] % prime)) % prime + prime) % prime;
                    }
                }
            }

            pivotOfColumn[c] = rank++;
        }

        return [.. unknowns.Where((_, c) => pivotOfColumn[c] >= 0 && Enumerable.Range(0, unknowns.Count).All(j => j == c || rows[pivotOfColumn[c]][j] == 0))];
    }

    [Fact]
    public void An_attacker_solving_all_published_lines_together_determines_no_small_count()
    {
        // The example that line protection alone gave away: (2,2) = 2 followed from three lines combined.
        var example = Suppression.Apply(new FigureCube(["a", "b"], [Labels("a", 4), Labels("b", 3)], [0, 1, 0, 0, 0, 0, 7, 1, 2, 5, 10, 2]));
        Assert.DoesNotContain(DeterminedByAllLines(example), key => Primary(example, key));

        foreach (var cube in RandomCubes(seed: 4711, count: 250))
        {
            var result = Suppression.Apply(cube);
            var determined = DeterminedByAllLines(result).Where(key => Primary(result, key)).ToList();
            Assert.True(determined.Count == 0, $"small counts determined by the published lines: {string.Join(" ", determined)}");
        }
    }

    private static bool Primary(SuppressedCube result, string key)
    {
        var count = result.Count([.. key.Split(',').Select(int.Parse)]);
        return count > 0 && count < result.Threshold;
    }

    [Fact]
    public void Two_overlapping_filters_do_not_give_away_a_suppressed_value()
    {
        var random = new Random(6);
        for (var round = 0; round < 200; round++)
        {
            var months = Labels("2026-", random.Next(2, 7));
            var forms = Labels("form", random.Next(2, 7));
            var sources = Labels("source", random.Next(2, 7));
            var counts = new long[months.Length * forms.Length * sources.Length];
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = (long)Math.Floor(13 * Math.Pow(random.NextDouble(), 2));
            }

            var result = Suppression.Apply(new FigureCube(["month", "form", "source"], [months, forms, sources], counts));

            // A user sees month x form for "all sources" and for one source, and every other single source too.
            // Differencing two views leaves the sum of the remaining sources; the attacker succeeds when that sum
            // has exactly one unpublished term.
            foreach (var coordinates in AllCoordinates([months.Length, forms.Length]))
            {
                var (month, form) = (coordinates[0], coordinates[1]);
                for (var filtered = 0; filtered < sources.Length; filtered++)
                {
                    if (result.Published(month, form, T) is not { } all || result.Published(month, form, filtered) is not { } one)
                    {
                        continue;
                    }

                    var rest = all - one;
                    var unknown = new List<int>();
                    foreach (var other in Enumerable.Range(0, sources.Length).Where(s => s != filtered))
                    {
                        if (result.Published(month, form, other) is { } value)
                        {
                            rest -= value;
                        }
                        else
                        {
                            unknown.Add(other);
                        }
                    }

                    Assert.NotEqual(1, unknown.Count);
                    Assert.True(unknown.Count > 0 || rest == 0);
                }
            }
        }
    }

    // ---- Properties on random cubes ----

    [Fact]
    public void Random_cubes_satisfy_the_suppression_rules()
    {
        foreach (var cube in RandomCubes(seed: 42, count: 400))
        {
            var valueCounts = ValueCounts(cube);
            var result = Suppression.Apply(cube);
            var coordinates = AllCoordinates(valueCounts);

            foreach (var c in coordinates)
            {
                if (result.Count(c) is > 0 and < Suppression.DefaultThreshold)
                {
                    Assert.True(result.IsSuppressed(c), Key(c));
                }

                Assert.Equal(result.IsSuppressed(c), result.Published(c) is null);
                if (result.Published(c) is { } published)
                {
                    Assert.Equal(result.Count(c), published);
                }
            }

            foreach (var line in AllLines(valueCounts))
            {
                Assert.Equal(result.Count(line[^1]), line[..^1].Sum(c => result.Count(c)));
                Assert.NotEqual(1, line.Count(c => result.IsSuppressed(c)));
            }

            Assert.Equal(coordinates.Count(c => result.IsSuppressed(c)), result.SuppressedCount);
        }
    }

    [Fact]
    public void The_same_cube_always_gets_the_same_pattern()
    {
        foreach (var cube in RandomCubes(seed: 7, count: 100))
        {
            var copy = cube with { Counts = (long[])cube.Counts.Clone() };

            Assert.Equal(Pattern(Suppression.Apply(cube)), Pattern(Suppression.Apply(cube)));
            Assert.Equal(Pattern(Suppression.Apply(cube)), Pattern(Suppression.Apply(copy)));
        }
    }

    [Fact]
    public void A_cube_of_fifty_thousand_entries_is_suppressed_the_same_way_every_time()
    {
        var random = new Random(50_000);
        string[] values = Labels("v", 35);
        var counts = new long[35 * 35 * 35];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = (long)Math.Floor(13 * Math.Pow(random.NextDouble(), 2));
        }

        var cube = new FigureCube(["month", "form", "source"], [values, values, values], counts);

        // How fast is measured in benchmarks/ (SuppressionBenchmarks), never asserted here.
        var result = Suppression.Apply(cube);

        Assert.True(result.SuppressedCount > 0);
        Assert.Equal(Pattern(result), Pattern(Suppression.Apply(cube)));
    }

    // ---- Input ----

    [Fact]
    public void Counts_must_match_the_dimensions_and_be_non_negative()
    {
        Assert.Throws<ArgumentException>(() => Suppression.Apply(new FigureCube(["form"], [["a", "b"]], [1, 2, 3])));
        Assert.Throws<ArgumentException>(() => Suppression.Apply(new FigureCube(["form"], [["a", "b"]], [1, -2])));
        Assert.Throws<ArgumentException>(() => Suppression.Apply(new FigureCube(["form", "month"], [["a", "b"]], [1, 2])));
    }

    [Fact]
    public void Coordinates_must_fit_the_cube()
    {
        var result = Suppression.Apply(TwoDimensional(new long[,] { { 1, 2 }, { 0, 3 } }));

        Assert.Throws<ArgumentException>(() => result.Count(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Count(2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Published(0, -2));
    }
}
