using Meldroute.Web.Features.Figures;

namespace Meldroute.Web.Features.Region;

/// <summary>A dimension of the region's figures besides the municipality: its values' keys (stable, for clients) and labels.</summary>
public sealed record RegionalDimension(string Name, IReadOnlyList<string> Keys, IReadOnlyList<string> Labels);

/// <summary>One count of the region: the municipality's index, one value index per dimension, and the count.</summary>
public readonly record struct RegionalFact(int Municipality, int[] Coordinates, long Count);

/// <summary>
/// The region's figures as one cube: the municipality is its first dimension, the characteristics the tables show are
/// the others, and <see cref="Suppression"/> protects the whole of it at once, margins included. A side-by-side table
/// (<see cref="Table"/>) is a slice: its rows are one dimension's values and their total, its columns each municipality
/// and the region's sum (the margin over the municipalities), every other dimension at its total or at the filter's
/// value. Because every table is cut from this one suppressed cube:
/// <list type="bullet">
/// <item>a municipality's count below the threshold is suppressed as on the figures page (primary);</item>
/// <item>no suppressed cell is the only one of its row (the region's sum minus the other municipalities) or of its
/// column (the municipality's own total minus its other cells): the line step suppresses a second entry there, the
/// smallest positive cell, else the total;</item>
/// <item>a count shared by two tables (a municipality's total of a year is the total row of every table) is suppressed
/// in all of them or in none, so tables cannot be played against each other, nor a filtered year against all years;</item>
/// <item>every primary entry has a hypercube of suppressed partners, so no combination of published lines pins it down.</item>
/// </list>
/// No I/O: the handler counts, this class decides what may be published.
/// </summary>
public sealed class RegionalCube
{
    private readonly SuppressedCube suppressed;
    private readonly IReadOnlyList<RegionalDimension> dimensions;

    private RegionalCube(SuppressedCube suppressed, IReadOnlyList<string> municipalities, IReadOnlyList<RegionalDimension> dimensions)
    {
        this.suppressed = suppressed;
        this.dimensions = dimensions;
        Municipalities = municipalities;
    }

    public IReadOnlyList<string> Municipalities { get; }

    public int Threshold => suppressed.Threshold;

    /// <summary>Counts the facts into the cube (municipality first, then the dimensions in order) and suppresses it.</summary>
    public static RegionalCube Suppress(IReadOnlyList<string> municipalities, IReadOnlyList<RegionalDimension> dimensions, IEnumerable<RegionalFact> facts, int threshold)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(facts);
        if (municipalities.Count == 0)
        {
            throw new ArgumentException("A region has at least one municipality.", nameof(municipalities));
        }

        var sizes = new[] { municipalities.Count }.Concat(dimensions.Select(d => d.Keys.Count)).ToArray();
        var counts = new long[sizes.Aggregate(1, (a, b) => checked(a * b))];
        foreach (var fact in facts)
        {
            if (fact.Coordinates.Length != dimensions.Count)
            {
                throw new ArgumentException("A fact needs one value index per dimension.", nameof(facts));
            }

            var offset = fact.Municipality;
            for (var d = 0; d < dimensions.Count; d++)
            {
                offset = (offset * sizes[d + 1]) + fact.Coordinates[d];
            }

            counts[offset] += fact.Count;
        }

        var cube = new FigureCube(
            ["municipality", .. dimensions.Select(d => d.Name)],
            [municipalities, .. dimensions.Select(d => d.Labels)],
            counts);
        return new RegionalCube(Suppression.Apply(cube, threshold), municipalities, dimensions);
    }

    /// <summary>
    /// The side-by-side table of one dimension: a row per value and the total row; in each row a cell per municipality
    /// and the region's sum last. <paramref name="fixedAt"/> holds a value index for a dimension the filter fixes
    /// (e.g. the year); every other dimension is at its total. <paramref name="totalLabel"/> names the total row.
    /// </summary>
    public IReadOnlyList<FigureRow> Table(int dimension, string totalLabel, IReadOnlyDictionary<int, int>? fixedAt = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dimension, dimensions.Count);
        var rows = dimensions[dimension];
        var columns = Enumerable.Range(0, Municipalities.Count).Append(SuppressedCube.Total).ToList();

        FigureRow Row(int row, string key, string label, bool isTotal)
        {
            var cells = columns.Select(m =>
            {
                var coordinates = new int[dimensions.Count + 1];
                coordinates[0] = m;
                for (var d = 0; d < dimensions.Count; d++)
                {
                    coordinates[d + 1] = d == dimension ? row : fixedAt?.GetValueOrDefault(d, SuppressedCube.Total) ?? SuppressedCube.Total;
                }

                return FigureCell.Of(suppressed, coordinates);
            });
            return new FigureRow(key, label, [.. cells], isTotal);
        }

        return [.. Enumerable.Range(0, rows.Keys.Count).Select(r => Row(r, rows.Keys[r], rows.Labels[r], isTotal: false)), Row(SuppressedCube.Total, "total", totalLabel, isTotal: true)];
    }
}
