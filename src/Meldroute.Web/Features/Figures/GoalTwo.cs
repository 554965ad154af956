namespace Meldroute.Web.Features.Figures;

/// <summary>Where a figure comes from: counted by Meldroute from its signals, or entered by the policy advisor (counts from before Meldroute).</summary>
public enum FigureBasis
{
    Counted,
    Entered,
}

/// <summary>
/// One year of goal 2: the internal signals Meldroute counted, the count the policy advisor entered for that year (null
/// when none was entered), which of the two the comparison uses (<see cref="Basis"/>, <see cref="Compared"/>) and the
/// difference with the baseline year.
/// </summary>
public sealed record BaselineFigure(int Year, FigureCell InternalSignals, FigureCell? Entered, FigureBasis Basis, FigureCell Compared, long? ChangeFromBaseline, double? ChangePercent);

/// <summary>
/// Goal 2 of the plan: more internal signals than in the baseline year (2024). A real installation started after 2024
/// has counted nothing for it, so the policy advisor may enter that year's count. The rule: a year is compared by what
/// Meldroute counted, unless Meldroute counted no internal signals at all that year and a count was entered for it —
/// then by the entered count. Both numbers are always shown; they are never added together (a year Meldroute counted
/// only in part would otherwise count some signals twice).
/// </summary>
public static class GoalTwo
{
    public static FigureBasis BasisOf(FigureCell counted, FigureCell? entered) =>
        entered is not null && counted is { Value: 0, Suppressed: false } ? FigureBasis.Entered : FigureBasis.Counted;

    /// <summary>
    /// The figures of the years given, compared with <paramref name="baselineYear"/> when <paramref name="compare"/>
    /// (a suppressed figure on either side leaves the difference unknown: it would give the number away).
    /// </summary>
    public static IReadOnlyList<BaselineFigure> Compare(IReadOnlyList<(int Year, FigureCell Counted, FigureCell? Entered)> years, int baselineYear, bool compare)
    {
        var used = years.Select(y => (y.Year, y.Counted, y.Entered, Basis: BasisOf(y.Counted, y.Entered))).Select(y => (y.Year, y.Counted, y.Entered, y.Basis, Compared: y.Basis == FigureBasis.Entered ? y.Entered! : y.Counted)).ToList();
        var baseline = compare ? used.Where(y => y.Year == baselineYear).Select(y => y.Compared).FirstOrDefault() : null;
        return [.. used.Select(y => new BaselineFigure(
            y.Year, y.Counted, y.Entered, y.Basis, y.Compared,
            baseline?.Value is { } b && y.Compared.Value is { } v ? v - b : null,
            baseline?.Value is { } b2 and > 0 && y.Compared.Value is { } v2 ? Math.Round((v2 - b2) * 100.0 / b2, 1) : null))];
    }
}
