using System.Globalization;
using Meldroute.Web.Features.Agenda;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Features.Framework;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Region;

/// <summary>A municipality of the region as the regional figures name it; <see cref="Own"/> marks the analyst's own.</summary>
public sealed record RegionalMunicipality(string Name, string? Code, bool Own);

/// <summary>How many activities or building blocks have one status ("NotAssessed" for a block without an assessment).</summary>
public sealed record StatusCount(string Status, string Label, int Count);

/// <summary>A municipality's implementation agenda (activities per status) and VNG framework checklist (building blocks per status).</summary>
public sealed record MunicipalityStatus(string Name, string? Code, IReadOnlyList<StatusCount> Agenda, IReadOnlyList<StatusCount> Framework);

/// <summary>
/// The region's figures: each table has a column per municipality (in <see cref="Municipalities"/>' order) and the
/// region's sum last; <see cref="Status"/> holds each municipality's agenda and framework status.
/// </summary>
public sealed record RegionalFiguresResult(
    string Region, int? Year, int Threshold, IReadOnlyList<int> Years, IReadOnlyList<RegionalMunicipality> Municipalities,
    IReadOnlyList<FigureTable> Tables, IReadOnlyList<MunicipalityStatus> Status);

/// <summary>
/// GetRegionalFigures: for the regional analyst, the figures of every municipality of their region side by side and
/// summed — signals per year, form, source, type of location and minors, from the anonymous figure columns only — with
/// the suppression of <see cref="RegionalCube"/> across the combined tables, and each municipality's agenda and
/// framework status as counts. Never a signal, a person, free text or anyone's name.
/// </summary>
public static class GetRegionalFigures
{
    /// <summary>The dimensions after the municipality, in the cube's order; each is one table.</summary>
    private static readonly string[] TableKeys = ["per-year", "per-form", "per-source", "per-location", "minors"];

    public static async Task<RegionalFiguresResult> HandleAsync(
        MeldrouteDbContext db, int? year, FiguresOptions options, DateTimeOffset now, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var region = await RegionOfAccount.ReadAsync(db, cancellationToken);
        var municipalities = region.Members;
        var ids = region.Ids;
        var index = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);

        // Across municipalities on purpose, and only here: every other query of the app sees the current municipality's
        // rows only (the context's query filters). IgnoreQueryFilters is restricted to the region's municipality ids,
        // and reads nothing but the anonymous figure columns, grouped in the database (no row of a signal leaves it).
        var groups = await db.Signals.IgnoreQueryFilters().AsNoTracking()
            .Where(s => ids.Contains(s.MunicipalityId))
            .GroupBy(s => new { s.MunicipalityId, s.ReceivedMonth, s.Forms, s.ClassifiedForms, s.Source, s.LocationType, s.InvolvesMinor })
            .Select(g => new { g.Key.MunicipalityId, g.Key.ReceivedMonth, g.Key.Forms, g.Key.ClassifiedForms, g.Key.Source, g.Key.LocationType, g.Key.InvolvesMinor, Count = g.LongCount() })
            .ToListAsync(cancellationToken);

        var firstYear = Math.Min(options.BaselineYear, groups.Select(g => g.ReceivedMonth / 100).DefaultIfEmpty(now.Year).Min());
        var years = Enumerable.Range(firstYear, Math.Max(1, now.Year - firstYear + 1)).ToList();
        var forms = Enum.GetValues<FormCategory>();
        var sources = Enum.GetValues<SignalSource>();
        var locations = Enum.GetValues<LocationType>();
        bool[] minors = [true, false];
        RegionalDimension[] dimensions =
        [
            new("year", [.. years.Select(y => y.ToString(CultureInfo.InvariantCulture))], [.. years.Select(y => y.ToString(CultureInfo.InvariantCulture))]),
            new("form", [.. forms.Select(f => f.ToString())], [.. forms.Select(f => t["FormCategory_" + f].Value)]),
            new("source", [.. sources.Select(s => s.ToString())], [.. sources.Select(s => t["Source_" + s].Value)]),
            new("location", [.. locations.Select(l => l.ToString())], [.. locations.Select(l => t["Location_" + l].Value)]),
            new("minor", ["True", "False"], [t["Minor_Yes"], t["Minor_No"]]),
        ];
        var facts = groups
            .Where(g => years.Contains(g.ReceivedMonth / 100))
            .Select(g => new RegionalFact(index[g.MunicipalityId],
            [
                years.IndexOf(g.ReceivedMonth / 100),
                Array.IndexOf(forms, FigureFacts.Categorise(g.Forms, g.ClassifiedForms)),
                Array.IndexOf(sources, g.Source),
                Array.IndexOf(locations, g.LocationType),
                Array.IndexOf(minors, g.InvolvesMinor),
            ], g.Count));
        var cube = RegionalCube.Suppress([.. municipalities.Select(m => m.Name)], dimensions, facts, options.SuppressionThreshold);

        var shownYear = year is { } y && years.Contains(y) ? y : (int?)null;
        Dictionary<int, int>? fixedAt = shownYear is { } only ? new() { [0] = years.IndexOf(only) } : null;
        var regionLabel = t["Region_Sum", region.Name].Value;
        var tables = TableKeys.Select((key, d) => new FigureTable(
            key, t["Figures_Table_" + key], t["Figures_Explain_" + key], t["Figures_Dim_" + dimensions[d].Name],
            [.. municipalities.Select(m => m.Name), regionLabel],
            cube.Table(d, t["Figures_Total"], d == 0 ? null : fixedAt),
            FigureBasis.Counted, t["Figures_Basis_" + FigureBasis.Counted])).ToList();

        return new RegionalFiguresResult(
            region.Name, shownYear, cube.Threshold, years,
            [.. municipalities.Select(m => new RegionalMunicipality(m.Name, m.Code, m.Id == region.OwnId))],
            tables,
            await StatusAsync(db, ids, [.. municipalities.Select(m => (m.Id, m.Name, m.Code))], t, cancellationToken));
    }

    /// <summary>Per municipality: agenda activities per status and building blocks per status, as those pages define them. Plans, not people: no suppression.</summary>
    private static async Task<List<MunicipalityStatus>> StatusAsync(
        MeldrouteDbContext db, IReadOnlyList<int> ids, List<(int Id, string Name, string? Code)> municipalities, IStringLocalizer t, CancellationToken cancellationToken)
    {
        // Across the region's municipalities, as above: counts per status only, no title, note or owner.
        var agenda = await db.AgendaActivities.IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.MunicipalityId))
            .GroupBy(a => new { a.MunicipalityId, a.Status }).Select(g => new { g.Key.MunicipalityId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var blocks = await db.BuildingBlocks.IgnoreQueryFilters().AsNoTracking().Where(b => ids.Contains(b.MunicipalityId))
            .GroupBy(b => new { b.MunicipalityId, b.Status }).Select(g => new { g.Key.MunicipalityId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. municipalities.Select(m => new MunicipalityStatus(
            m.Name, m.Code,
            [.. Enum.GetValues<AgendaStatus>().Select(s => new StatusCount(s.ToString(), t["AgendaStatus_" + s], agenda.Where(a => a.MunicipalityId == m.Id && a.Status == s).Sum(a => a.Count)))],
            [
                .. Enum.GetValues<BlockStatus>().Select(s => new StatusCount(s.ToString(), t["BlockStatus_" + s], blocks.Where(b => b.MunicipalityId == m.Id && b.Status == s).Sum(b => b.Count))),
                new StatusCount("NotAssessed", t["Framework_NotAssessed"], blocks.Where(b => b.MunicipalityId == m.Id && b.Status == null).Sum(b => b.Count)),
            ]))];
    }
}
