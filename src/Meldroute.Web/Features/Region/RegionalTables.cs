using Meldroute.Web.Features.Figures;

namespace Meldroute.Web.Features.Region;

/// <summary>A row of a region's table: its key (as each municipality's own table keys its rows) and its label.</summary>
public sealed record RegionalRow(string Key, string Label, bool IsTotal = false);

/// <summary>
/// The region's tables put together from what each municipality's own figures page publishes, and from nothing else:
/// <list type="bullet">
/// <item>a municipality's column is its own page's cell for that row, with the same suppression (the last column of its
/// own table: the year the filter chose, or all years);</item>
/// <item>the region's sum is published only when every municipality's cell in it is published (it is then their sum, which
/// anyone could add up). When one is hidden the sum is hidden too, or it would give that one away by subtracting
/// the others ("x"; a single hidden cell beside zeros is the sum itself and keeps its own mark).</item>
/// </list>
/// So everything the region's page shows follows from the municipalities' own pages: what each of them hides stays
/// hidden to anyone who reads the region's page beside all of them. Hiding a sum that two hidden counts share is more
/// than strictly needed; choosing which such sums are safe to show would mean solving every page of the region
/// together, which took seconds to minutes on each new signal (see docs/privacy.md, "Regional figures").
/// No I/O.
/// </summary>
public static class RegionalTables
{
    /// <summary>
    /// The side-by-side rows: per row a cell per municipality (in the order of <paramref name="municipalities"/>' own
    /// tables) and the region's sum last. A row a municipality's table does not have is a year before its first
    /// signal, which its own page shows as nothing counted: zero.
    /// </summary>
    public static IReadOnlyList<FigureRow> SideBySide(IReadOnlyList<RegionalRow> rows, IReadOnlyList<FigureTable> municipalities)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(municipalities);
        var byKey = municipalities.Select(m => m.Rows.ToDictionary(r => r.Key, StringComparer.Ordinal)).ToList();
        return [.. rows.Select(row =>
        {
            List<FigureCell> cells = [.. byKey.Select(m => m.TryGetValue(row.Key, out var own) ? own.Cells[^1] : new FigureCell(0, false))];
            return new FigureRow(row.Key, row.Label, [.. cells, Sum(cells)], row.IsTotal);
        })];
    }

    /// <summary>The region's sum of the municipalities' published cells; see the class.</summary>
    public static FigureCell Sum(IReadOnlyList<FigureCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.All(c => !c.Suppressed))
        {
            return new FigureCell(cells.Sum(c => c.Value ?? 0), false);
        }

        var hidden = cells.Where(c => c.Suppressed).ToList();
        return hidden.Count == 1 && cells.All(c => c.Suppressed || c.Value == 0) ? hidden[0] : new FigureCell(null, true, Secondary: true);
    }
}
