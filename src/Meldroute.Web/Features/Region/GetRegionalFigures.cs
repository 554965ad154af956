using System.Globalization;
using Meldroute.Web.Features.Agenda;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Features.Framework;
using Meldroute.Web.Features.Municipalities;
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
/// summed — signals per year, form, source, type of location and minors — and each municipality's agenda and framework
/// status as counts. Never a signal, a person, free text or anyone's name.
/// Each municipality's column is taken from what its own figures page publishes (<see cref="GetFigures.PublishedTablesAsync"/>,
/// run in a unit of work of that municipality, as its policy advisor's page runs), and the region's sums from those
/// columns only (<see cref="RegionalTables"/>): the region's page cannot show anything the municipalities' own pages
/// do not already give, so no hidden count of one comes out of the region's sum minus the others.
/// </summary>
public static class GetRegionalFigures
{
    /// <summary>The tables of the region, in order: each is the municipalities' own table of that key.</summary>
    private static readonly string[] TableKeys = ["per-year", "per-form", "per-source", "per-location", "minors"];

    private static readonly HashSet<string> PerYear = ["per-year"];

    private static readonly HashSet<string> OfAYear = [.. TableKeys.Skip(1)];

    private static readonly HashSet<string> All = [.. TableKeys];

    public static async Task<RegionalFiguresResult> HandleAsync(
        MeldrouteDbContext db, IServiceScopeFactory scopes, int? year, FiguresOptions options, DateTimeOffset now, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var region = await RegionOfAccount.ReadAsync(db, cancellationToken);
        var municipalities = region.Members;

        // The per-year table shows every year whatever the filter; the others the year chosen, if the region has it.
        var own = await OwnTablesAsync(scopes, municipalities, new FigureFilter(), year is null ? All : PerYear, options, now, t, cancellationToken);
        var years = own.SelectMany(m => m["per-year"].Rows).Where(r => !r.IsTotal)
            .Select(r => int.Parse(r.Key, NumberStyles.None, CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        var shownYear = year is { } y && years.Contains(y) ? y : (int?)null;
        if (year is not null)
        {
            var ofYear = await OwnTablesAsync(scopes, municipalities, new FigureFilter { Year = shownYear }, OfAYear, options, now, t, cancellationToken);
            for (var m = 0; m < own.Count; m++)
            {
                foreach (var (key, table) in ofYear[m])
                {
                    own[m][key] = table;
                }
            }
        }

        IEnumerable<RegionalRow> Rows<T>(IEnumerable<T> values, Func<T, string> key, Func<T, string> label) =>
            values.Select(v => new RegionalRow(key(v), label(v)));
        var rows = new Dictionary<string, IEnumerable<RegionalRow>>(StringComparer.Ordinal)
        {
            ["per-year"] = Rows(years, y => y.ToString(CultureInfo.InvariantCulture), y => y.ToString(CultureInfo.InvariantCulture)),
            ["per-form"] = Rows(Enum.GetValues<FormCategory>(), f => f.ToString(), f => t["FormCategory_" + f]),
            ["per-source"] = Rows(Enum.GetValues<SignalSource>(), s => s.ToString(), s => t["Source_" + s]),
            ["per-location"] = Rows(Enum.GetValues<LocationType>(), l => l.ToString(), l => t["Location_" + l]),
            ["minors"] = Rows([true, false], m => m.ToString(), m => t[m ? "Minor_Yes" : "Minor_No"]),
        };
        var dimensionNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["per-year"] = "year", ["per-form"] = "form", ["per-source"] = "source", ["per-location"] = "location", ["minors"] = "minor",
        };
        var regionLabel = t["Region_Sum", region.Name].Value;
        var tables = TableKeys.Select(key => new FigureTable(
            key, t["Figures_Table_" + key], t["Figures_Explain_" + key], t["Figures_Dim_" + dimensionNames[key]],
            [.. municipalities.Select(m => m.Name), regionLabel],
            RegionalTables.SideBySide([.. rows[key], new RegionalRow("total", t["Figures_Total"], IsTotal: true)], [.. own.Select(m => m[key])]),
            FigureBasis.Counted, t["Figures_Basis_" + FigureBasis.Counted])).ToList();

        return new RegionalFiguresResult(
            region.Name, shownYear, options.SuppressionThreshold, years,
            [.. municipalities.Select(m => new RegionalMunicipality(m.Name, m.Code, m.Id == region.OwnId))],
            tables,
            await StatusAsync(db, region.Ids, [.. municipalities.Select(m => (m.Id, m.Name, m.Code))], t, cancellationToken));
    }

    /// <summary>
    /// Each municipality's own tables, as its figures page publishes them: in a unit of work of that municipality, whose
    /// query filters then read its rows only (the same path as its policy advisor's page, so the same cells).
    /// </summary>
    private static async Task<List<Dictionary<string, FigureTable>>> OwnTablesAsync(
        IServiceScopeFactory scopes, IReadOnlyList<RegionMember> municipalities, FigureFilter filter, IReadOnlySet<string> keys,
        FiguresOptions options, DateTimeOffset now, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var result = new List<Dictionary<string, FigureTable>>(municipalities.Count);
        foreach (var municipality in municipalities)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<MunicipalityScope>().Use(municipality.Id);
            var tables = await GetFigures.PublishedTablesAsync(scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>(), filter, options, now, t, keys, cancellationToken);
            result.Add(tables.ToDictionary(x => x.Key, StringComparer.Ordinal));
        }

        return result;
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
