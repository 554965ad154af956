using Meldroute.Web.Features.Agenda;

namespace Meldroute.Web.Features.Framework;

/// <summary>An agenda activity that works on a building block.</summary>
public sealed record LinkedActivity(int Id, string Title, int Level, AgendaStatus Status);

/// <summary>A building block as the checklist, its page and the API show it.</summary>
public sealed record BuildingBlockView(
    int Id, string Theme, int Plateau, string Name, string? Source, BlockStatus? Status, string? Explanation, bool LacksNationalFunding,
    IReadOnlyList<LinkedActivity> Activities, Guid Version);

