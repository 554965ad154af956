using Meldroute.Web.Features.Figures;

namespace Meldroute.Tests.Features.Figures;

/// <summary>Goal 2's rule: a year is compared by what Meldroute counted, by the entered count only when Meldroute counted nothing that year.</summary>
[Trait("Category", "Domain")]
public sealed class GoalTwoTests
{
    private static FigureCell Count(long value) => new(value, false);

    private static readonly FigureCell Small = new(null, true);

    [Fact]
    public void The_entered_count_is_used_only_for_a_year_in_which_Meldroute_counted_no_internal_signals()
    {
        Assert.Equal(FigureBasis.Entered, GoalTwo.BasisOf(Count(0), Count(40)));
        Assert.Equal(FigureBasis.Counted, GoalTwo.BasisOf(Count(3), Count(40)));
        // A suppressed count is a count above zero: Meldroute did count that year.
        Assert.Equal(FigureBasis.Counted, GoalTwo.BasisOf(Small, Count(40)));
        Assert.Equal(FigureBasis.Counted, GoalTwo.BasisOf(Count(0), null));
    }

    [Fact]
    public void A_real_installation_compares_its_counted_years_with_the_entered_baseline_and_never_adds_the_two()
    {
        var figures = GoalTwo.Compare([(2024, Count(0), Count(40)), (2025, Count(50), null), (2026, Count(30), Count(7))], 2024, compare: true)
            .ToDictionary(f => f.Year);

        Assert.Equal((FigureBasis.Entered, 40L, 0L, 0.0), (figures[2024].Basis, figures[2024].Compared.Value!.Value, figures[2024].ChangeFromBaseline!.Value, figures[2024].ChangePercent!.Value));
        Assert.Equal((FigureBasis.Counted, 50L, 10L, 25.0), (figures[2025].Basis, figures[2025].Compared.Value!.Value, figures[2025].ChangeFromBaseline!.Value, figures[2025].ChangePercent!.Value));
        // 2026 has both: Meldroute counted, so its count is compared; the entered 7 is shown, not added.
        Assert.Equal((FigureBasis.Counted, 30L, -10L), (figures[2026].Basis, figures[2026].Compared.Value!.Value, figures[2026].ChangeFromBaseline!.Value));
        Assert.Equal(7L, figures[2026].Entered!.Value);
        Assert.Equal(30L, figures[2026].InternalSignals.Value);
    }

    [Fact]
    public void A_suppressed_side_or_a_single_year_leaves_the_difference_unknown()
    {
        var suppressedBaseline = GoalTwo.Compare([(2024, Small, null), (2025, Count(50), null)], 2024, compare: true);
        Assert.All(suppressedBaseline, f => Assert.Null(f.ChangeFromBaseline));

        var suppressedYear = GoalTwo.Compare([(2024, Count(0), Count(40)), (2025, Small, null)], 2024, compare: true).Single(f => f.Year == 2025);
        Assert.Null(suppressedYear.ChangeFromBaseline);
        Assert.Null(suppressedYear.ChangePercent);

        var notCompared = GoalTwo.Compare([(2025, Count(50), null)], 2024, compare: false).Single();
        Assert.Null(notCompared.ChangeFromBaseline);

        // A baseline of zero gives a difference but no percentage.
        var fromZero = GoalTwo.Compare([(2024, Count(0), null), (2025, Count(5), null)], 2024, compare: true).Single(f => f.Year == 2025);
        Assert.Equal(5L, fromZero.ChangeFromBaseline);
        Assert.Null(fromZero.ChangePercent);
    }
}
