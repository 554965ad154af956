namespace Meldroute.Web.Features.Agenda;

/// <summary>One investment level of the growth model (plan section 12): period and description are resource texts.</summary>
public sealed record InvestmentLevel(int Number)
{
    public string NameKey => $"Level_{Number}";

    public string DescriptionKey => $"LevelDescription_{Number}";
}

/// <summary>
/// The growth model of plan section 12: level 1 in 2024, level 2 in 2025–2026, levels 3 and 4 only after the evaluation
/// in 2027 and with extra money ("geen knaken, geen taken").
/// </summary>
public static class GrowthModel
{
    public static readonly IReadOnlyList<InvestmentLevel> Levels = [new(1), new(2), new(3), new(4)];
}
