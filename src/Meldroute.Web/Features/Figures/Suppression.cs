using System.Globalization;

namespace Meldroute.Web.Features.Figures;

/// <summary>
/// An n-dimensional table of counts without margins. <c>Values[d]</c> are the category labels of dimension d.
/// <c>Counts</c> is row-major over the dimensions (last dimension varies fastest), length = product of <c>Values[d].Count</c>.
/// </summary>
public sealed record FigureCube(IReadOnlyList<string> DimensionNames, IReadOnlyList<IReadOnlyList<string>> Values, long[] Counts);

/// <summary>
/// The cube with all margins and the suppression pattern. Coordinates: one index per dimension,
/// <see cref="Total"/> (-1) for the margin of that dimension.
/// </summary>
public sealed class SuppressedCube
{
    public const int Total = -1;

    // Extended layout: per dimension the indices 0..n-1 are the values and n is the margin.
    private readonly int[] sizes;
    private readonly int[] strides;
    private readonly long[] counts;
    private readonly bool[] suppressed;
    private readonly bool[] primary;

    internal SuppressedCube(FigureCube cube, int threshold, int[] sizes, int[] strides, long[] counts, bool[] suppressed, bool[] primary)
    {
        this.primary = primary;
        Cube = cube;
        Threshold = threshold;
        this.sizes = sizes;
        this.strides = strides;
        this.counts = counts;
        this.suppressed = suppressed;
        SuppressedCount = suppressed.Count(s => s);
    }

    public int Threshold { get; }

    public FigureCube Cube { get; }

    /// <summary>Number of suppressed entries, cells and margins together.</summary>
    public int SuppressedCount { get; }

    /// <summary>The true count of a cell or margin; for internal use only, never for publication.</summary>
    public long Count(params int[] coordinates) => counts[Offset(coordinates)];

    public bool IsSuppressed(params int[] coordinates) => suppressed[Offset(coordinates)];

    /// <summary>The coordinates of every suppressed entry, margins as <see cref="Total"/>.</summary>
    public IEnumerable<int[]> SuppressedEntries()
    {
        for (var o = 0; o < suppressed.Length; o++)
        {
            if (suppressed[o])
            {
                var coordinates = new int[sizes.Length];
                for (var d = 0; d < sizes.Length; d++)
                {
                    var c = o / strides[d] % sizes[d];
                    coordinates[d] = c == sizes[d] - 1 ? Total : c;
                }

                yield return coordinates;
            }
        }
    }

    /// <summary>
    /// Why an entry is hidden: <see cref="SuppressionKind.Primary"/> when its own count is below the threshold (shown as
    /// "&lt; threshold"), <see cref="SuppressionKind.Secondary"/> when it is hidden only to protect another entry (shown as
    /// "x": its count may be anything, so "&lt; threshold" would be wrong), <see cref="SuppressionKind.None"/> when published.
    /// </summary>
    public SuppressionKind Kind(params int[] coordinates)
    {
        var offset = Offset(coordinates);
        return !suppressed[offset] ? SuppressionKind.None : primary[offset] ? SuppressionKind.Primary : SuppressionKind.Secondary;
    }

    /// <summary>The count as it may be published, or null when it is suppressed (shown as "&lt; threshold").</summary>
    public long? Published(params int[] coordinates)
    {
        var offset = Offset(coordinates);
        return suppressed[offset] ? null : counts[offset];
    }

    private int Offset(int[] coordinates) => OffsetOf(coordinates, sizes, strides);

    /// <summary>The place of an entry in the extended layout (each dimension's values, then its margin); checks the coordinates.</summary>
    internal static int OffsetOf(int[] coordinates, int[] sizes, int[] strides)
    {
        ArgumentNullException.ThrowIfNull(coordinates);
        if (coordinates.Length != sizes.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected {sizes.Length} coordinates, got {coordinates.Length}."),
                nameof(coordinates));
        }

        var offset = 0;
        for (var d = 0; d < sizes.Length; d++)
        {
            var margin = sizes[d] - 1;
            var c = coordinates[d];
            if (c < Total || c >= margin)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(coordinates),
                    c,
                    string.Create(CultureInfo.InvariantCulture, $"Dimension {d} has {margin} values; use 0..{margin - 1} or Total."));
            }

            offset += (c == Total ? margin : c) * strides[d];
        }

        return offset;
    }
}

/// <summary>Whether a published entry is hidden, and why: its own small count (primary) or to protect another entry (secondary).</summary>
public enum SuppressionKind
{
    None,
    Primary,
    Secondary,
}

/// <summary>
/// Cell suppression for published figures, so that tables about signals of human trafficking do not identify people
/// (following Dutch statistical practice, CBS / tau-ARGUS: a frequency-count threshold rule plus hypercube secondary suppression).
/// <list type="number">
/// <item>Primary: every cell and every margin (any combination of totals) with 0 &lt; count &lt; threshold is suppressed.
/// Zero is published: an empty category identifies nobody. A threshold of 1 or less suppresses nothing primarily.</item>
/// <item>Secondary: a "line" is one dimension running over all its values plus its total, all other dimensions fixed
/// (at a value or at the total). Published entries of a line add up, so a line with exactly one suppressed entry gives
/// it away by subtraction. Such a line gets one more suppression: its smallest positive published cell (not the margin);
/// failing that, its margin when positive; failing that, its first published entry (ties: lowest index). Repeated to a
/// fixpoint, after which no line has exactly one suppressed entry (the hypercube method of tau-ARGUS, per line).</item>
/// <item>Before the lines: every primary entry gets a hypercube of suppressed partners (see ProtectHypercubes), so that
/// it cannot be computed from any combination of published lines either.</item>
/// <item>Deterministic: the same cube always yields the same pattern. A filter on one value of a dimension is a slice of
/// the same cube, so two overlapping filters are two lines' worth of the same pattern and their difference stays
/// protected, provided both are cut from one suppressed cube rather than suppressed separately.</item>
/// </list>
/// </summary>
public static class Suppression
{
    public const int DefaultThreshold = 5;

    public static SuppressedCube Apply(FigureCube cube, int threshold = DefaultThreshold) => Apply(cube, threshold, [], keepFirstMargin: false);

    /// <summary>
    /// As <see cref="Apply(FigureCube, int)"/>, with <paramref name="forced"/> entries (coordinates, <see cref="SuppressedCube.Total"/>
    /// for a margin) hidden from the start and protected as a primary entry is (hypercube and lines), but shown as
    /// secondary ("x"): entries another table of the same page hides, so that a count is hidden in every table that
    /// shows it or in none (GetFigures). With <paramref name="keepFirstMargin"/> the margin of the first dimension (the
    /// counts other tables show too) is hidden to protect another entry only when nothing else can: the partners are
    /// chosen elsewhere first, even empty cells.
    /// </summary>
    public static SuppressedCube Apply(FigureCube cube, int threshold, IReadOnlyCollection<int[]> forced, bool keepFirstMargin)
    {
        ArgumentNullException.ThrowIfNull(forced);
        ArgumentNullException.ThrowIfNull(cube);
        ArgumentNullException.ThrowIfNull(cube.DimensionNames);
        ArgumentNullException.ThrowIfNull(cube.Values);
        ArgumentNullException.ThrowIfNull(cube.Counts);
        if (cube.DimensionNames.Count != cube.Values.Count)
        {
            throw new ArgumentException("Every dimension needs a name and a list of values.", nameof(cube));
        }

        var k = cube.Values.Count;
        var valueCounts = new int[k];
        var sizes = new int[k];
        long cellCount = 1;
        long extendedCount = 1;
        for (var d = 0; d < k; d++)
        {
            valueCounts[d] = cube.Values[d]?.Count ?? throw new ArgumentException("A dimension has no list of values.", nameof(cube));
            sizes[d] = valueCounts[d] + 1;
            cellCount = checked(cellCount * valueCounts[d]);
            extendedCount = checked(extendedCount * sizes[d]);
        }

        if (cube.Counts.Length != cellCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected {cellCount} counts, got {cube.Counts.Length}."),
                nameof(cube));
        }

        if (extendedCount > int.MaxValue)
        {
            throw new ArgumentException("The table is too large to suppress in memory.", nameof(cube));
        }

        var strides = new int[k];
        var stride = 1;
        for (var d = k - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= sizes[d];
        }

        var counts = new long[extendedCount];
        for (var i = 0; i < cube.Counts.Length; i++)
        {
            if (cube.Counts[i] < 0)
            {
                throw new ArgumentException("Counts cannot be negative.", nameof(cube));
            }

            var rest = i;
            var offset = 0;
            for (var d = k - 1; d >= 0; d--)
            {
                offset += rest % valueCounts[d] * strides[d];
                rest /= valueCounts[d];
            }

            counts[offset] = cube.Counts[i];
        }

        // Adding each dimension into its margin in turn also fills every combination of margins.
        for (var d = 0; d < k; d++)
        {
            for (var o = 0; o < counts.Length; o++)
            {
                var c = o / strides[d] % sizes[d];
                if (c < valueCounts[d])
                {
                    counts[o + (valueCounts[d] - c) * strides[d]] += counts[o];
                }
            }
        }

        var suppressed = new bool[counts.Length];
        for (var o = 0; o < counts.Length; o++)
        {
            suppressed[o] = counts[o] > 0 && counts[o] < threshold;
        }

        var primary = (bool[])suppressed.Clone();
        foreach (var coordinates in forced)
        {
            suppressed[SuppressedCube.OffsetOf(coordinates, sizes, strides)] = true;
        }

        var kept = new bool[counts.Length];
        for (var o = 0; keepFirstMargin && k > 0 && o < counts.Length; o++)
        {
            kept[o] = o / strides[0] % sizes[0] == sizes[0] - 1;
        }

        ProtectHypercubes(counts, suppressed, kept, sizes, strides);
        ProtectLines(counts, suppressed, kept, sizes, strides);
        return new SuppressedCube(cube, threshold, sizes, strides, counts, suppressed, primary);
    }

    /// <summary>
    /// The hypercube step (tau-ARGUS): for every primary entry, pick in each dimension one partner index and suppress
    /// all corners of the box they span. Adding +1 and -1 alternately around the corners (the same sign across a
    /// margin) leaves every published line sum unchanged, so no combination of published totals — however many lines
    /// an attacker combines — pins the primary entry down. Line protection alone is not enough for that: two lines can
    /// be subtracted from each other. Partners are chosen to suppress as little as possible: corners that are
    /// suppressed already cost nothing, small positive cells little, margins much and zero cells most (an empty cell
    /// protects weakly when a reader can tell it is empty).
    /// </summary>
    private static void ProtectHypercubes(long[] counts, bool[] suppressed, bool[] kept, int[] sizes, int[] strides)
    {
        var k = sizes.Length;
        if (k == 0)
        {
            return;
        }

        var primaries = Enumerable.Range(0, counts.Length).Where(o => suppressed[o]).ToList();
        var perDimension = k <= 3 ? 3 : 2;
        long Cost(int offset, int margin) => suppressed[offset] ? 0
            : kept[offset] ? 1_000_000_000_000_000L
            : counts[offset] == 0 ? 1_000_000_000L
            : margin >= 0 ? counts[offset] + 1_000_000L
            : counts[offset];

        // Buffers shared by all primaries: a small cube at a low count has thousands of them, and this runs per request.
        var primary = 0;
        var coordinates = new int[k];
        var candidates = new int[k][];
        var candidateCosts = new long[k][];
        var candidateCounts = new int[k];
        for (var d = 0; d < k; d++)
        {
            candidates[d] = new int[perDimension];
            candidateCosts[d] = new long[perDimension];
        }

        var choice = new int[k];
        var best = new int[k];
        var found = false;
        var bestCost = long.MaxValue;

        // The best few partners of a dimension, judged by the neighbour along that dimension alone: the lowest cost
        // first, ties by the lowest index (indices are visited in order and only a strictly lower cost moves ahead).
        void PickCandidates(int d)
        {
            var n = 0;
            for (var i = 0; i < sizes[d]; i++)
            {
                if (i == coordinates[d])
                {
                    continue;
                }

                var cost = Cost(primary + ((i - coordinates[d]) * strides[d]), i == sizes[d] - 1 ? 0 : -1);
                var at = n < perDimension ? n : perDimension;
                while (at > 0 && cost < candidateCosts[d][at - 1])
                {
                    at--;
                }

                if (at >= perDimension)
                {
                    continue;
                }

                for (var j = Math.Min(n, perDimension - 1); j > at; j--)
                {
                    candidates[d][j] = candidates[d][j - 1];
                    candidateCosts[d][j] = candidateCosts[d][j - 1];
                }

                candidates[d][at] = i;
                candidateCosts[d][at] = cost;
                n = Math.Min(n + 1, perDimension);
            }

            candidateCounts[d] = n;
        }

        // The cost of all corners of the box, or at least bestCost once it reaches it: such a box is not chosen anyway.
        long CornersCost()
        {
            long total = 0;
            for (var mask = 1; mask < 1 << k && total < bestCost; mask++)
            {
                var offset = primary;
                var touchesMargin = false;
                for (var d = 0; d < k; d++)
                {
                    if ((mask & (1 << d)) != 0)
                    {
                        offset += (choice[d] - coordinates[d]) * strides[d];
                        touchesMargin |= choice[d] == sizes[d] - 1;
                    }
                }

                total += Cost(offset, touchesMargin ? 0 : -1);
            }

            return total;
        }

        void Search(int d)
        {
            if (d == k)
            {
                var cost = CornersCost();
                if (cost < bestCost)
                {
                    bestCost = cost;
                    found = true;
                    Array.Copy(choice, best, k);
                }

                return;
            }

            for (var c = 0; c < candidateCounts[d]; c++)
            {
                choice[d] = candidates[d][c];
                Search(d + 1);
            }
        }

        foreach (var p in primaries)
        {
            primary = p;
            for (var d = 0; d < k; d++)
            {
                coordinates[d] = primary / strides[d] % sizes[d];
            }

            var hasPartners = true;
            for (var d = 0; d < k && hasPartners; d++)
            {
                PickCandidates(d);
                hasPartners = candidateCounts[d] > 0;
            }

            if (!hasPartners)
            {
                continue; // a dimension without another index cannot hide anything; the lines do what they can
            }

            found = false;
            bestCost = long.MaxValue;
            Search(0);
            for (var mask = 1; found && mask < 1 << k; mask++)
            {
                var offset = primary;
                for (var d = 0; d < k; d++)
                {
                    if ((mask & (1 << d)) != 0)
                    {
                        offset += (best[d] - coordinates[d]) * strides[d];
                    }
                }

                suppressed[offset] = true;
            }
        }
    }

    // Only lines through a suppressed entry can need protection, so a work list seeded with the primary
    // suppressions reaches the fixpoint without rescanning the whole cube per pass.
    private static void ProtectLines(long[] counts, bool[] suppressed, bool[] kept, int[] sizes, int[] strides)
    {
        var k = sizes.Length;
        var queued = new bool[k][];
        for (var d = 0; d < k; d++)
        {
            queued[d] = new bool[counts.Length];
        }

        var work = new Queue<(int Dimension, int Start)>();

        void EnqueueLinesThrough(int offset)
        {
            for (var d = 0; d < k; d++)
            {
                var start = offset - offset / strides[d] % sizes[d] * strides[d];
                if (!queued[d][start])
                {
                    queued[d][start] = true;
                    work.Enqueue((d, start));
                }
            }
        }

        for (var o = 0; o < counts.Length; o++)
        {
            if (suppressed[o])
            {
                EnqueueLinesThrough(o);
            }
        }

        int Choose(int start, int margin, int stride, bool keep)
        {
            var chosen = -1;
            for (var o = start; o < margin; o += stride)
            {
                if (!suppressed[o] && !(keep && kept[o]) && counts[o] > 0 && (chosen < 0 || counts[o] < counts[chosen]))
                {
                    chosen = o;
                }
            }

            // Otherwise the suppressed entry would equal the total minus zeros. A suppressed zero cell protects
            // weakly (readers can often tell a category is empty), so the margin goes first.
            if (chosen < 0 && !suppressed[margin] && !(keep && kept[margin]) && counts[margin] > 0)
            {
                chosen = margin;
            }

            for (var o = start; chosen < 0 && o <= margin; o += stride)
            {
                if (!suppressed[o] && !(keep && kept[o]))
                {
                    chosen = o;
                }
            }

            return chosen;
        }

        while (work.TryDequeue(out var line))
        {
            queued[line.Dimension][line.Start] = false;
            var stride = strides[line.Dimension];
            var margin = line.Start + (sizes[line.Dimension] - 1) * stride;

            var suppressedInLine = 0;
            for (var o = line.Start; o <= margin && suppressedInLine < 2; o += stride)
            {
                if (suppressed[o])
                {
                    suppressedInLine++;
                }
            }

            if (suppressedInLine != 1)
            {
                continue;
            }

            // An entry other tables show too (kept) only when the line has nothing else.
            var chosen = Choose(line.Start, margin, stride, keep: true);
            if (chosen < 0)
            {
                chosen = Choose(line.Start, margin, stride, keep: false);
            }

            if (chosen >= 0)
            {
                suppressed[chosen] = true;
                EnqueueLinesThrough(chosen);
            }
        }
    }
}
