namespace Meldroute.Web.Features.CaseData;

/// <summary>
/// A quasi-identifier: a column whose values, combined with the other columns, could single a person out, and how its
/// values generalise: level 0 is the value itself, each level coarser, up to <see cref="MaxLevel"/>.
/// </summary>
public sealed record QuasiIdentifier(string Name, int MaxLevel, Func<string, int, string> Generalise);

/// <summary>The rows that reach k after generalisation (their generalised values), the level chosen per column, and the rows left out (by index).</summary>
public sealed record AnonymisedRows(IReadOnlyList<string[]> Rows, IReadOnlyList<int> Levels, IReadOnlyList<int> LeftOut, IReadOnlyList<int> Kept);

/// <summary>
/// k-anonymity by full-domain generalisation and suppression, after Sweeney's Datafly (L. Sweeney, "Achieving
/// k-anonymity privacy protection using generalization and suppression", 2002): every column is one quasi-identifier
/// and is generalised as a whole (the same level for every row, so a column means one thing throughout); while more
/// rows than k sit in combinations rarer than k, the column with the most distinct values goes up a level; the rows
/// still in combinations rarer than k are then left out. Every row that remains shares its combination of values with
/// at least k − 1 others. No I/O.
/// </summary>
public static class KAnonymity
{
    public static AnonymisedRows Apply(IReadOnlyList<string[]> rows, IReadOnlyList<QuasiIdentifier> columns, int k)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        var levels = new int[columns.Count];
        while (true)
        {
            var generalised = Generalise(rows, columns, levels);
            var rare = RareRows(generalised, k);
            if (rare.Count <= k)
            {
                return Result(generalised, levels, rare);
            }

            // The column with the most distinct values that can still be generalised; on a tie, the first.
            var next = Enumerable.Range(0, columns.Count)
                .Where(c => levels[c] < columns[c].MaxLevel)
                .Select(c => (Column: c, Distinct: generalised.Select(r => r[c]).Distinct(StringComparer.Ordinal).Count()))
                .OrderByDescending(x => x.Distinct).ThenBy(x => x.Column)
                .Select(x => (int?)x.Column).FirstOrDefault();
            if (next is not { } column)
            {
                return Result(generalised, levels, rare);
            }

            levels[column]++;
        }
    }

    /// <summary>Whether every row's combination of all its values occurs at least k times.</summary>
    public static bool IsKAnonymous(IEnumerable<IReadOnlyList<string?>> rows, int k) =>
        rows.GroupBy(Key, StringComparer.Ordinal).All(g => g.Count() >= k);

    private static string[][] Generalise(IReadOnlyList<string[]> rows, IReadOnlyList<QuasiIdentifier> columns, int[] levels) =>
        [.. rows.Select(row => row.Select((value, c) => columns[c].Generalise(value, levels[c])).ToArray())];

    private static HashSet<int> RareRows(string[][] rows, int k) =>
        [.. rows.Select((row, i) => (Key: Key(row), Index: i)).GroupBy(x => x.Key, StringComparer.Ordinal).Where(g => g.Count() < k).SelectMany(g => g.Select(x => x.Index))];

    private static AnonymisedRows Result(string[][] generalised, int[] levels, HashSet<int> rare)
    {
        var kept = Enumerable.Range(0, generalised.Length).Where(i => !rare.Contains(i)).ToList();
        return new AnonymisedRows([.. kept.Select(i => generalised[i])], [.. levels], [.. rare.Order()], kept);
    }

    // A separator no value holds: the unit separator.
    private static string Key(IReadOnlyList<string?> row) => string.Join('\u001f', row.Select(v => v ?? ""));
}
