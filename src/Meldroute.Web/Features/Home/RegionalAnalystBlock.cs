using System.Globalization;
using System.Security.Claims;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Features.Region;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.Home;

/// <summary>
/// The regional analyst's block: the region's signals this year and in the baseline year, and those of each
/// municipality, taken from the regional figures themselves (<see cref="GetRegionalFigures"/>), so the start page
/// publishes exactly the cells the region's page publishes and a small count stays "&lt; 5".
/// </summary>
public static class RegionalAnalystBlock
{
    public static async Task<DashboardBlock> BuildAsync(DashboardServices s, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = s.Clock.GetUtcNow();
        var figures = await GetRegionalFigures.HandleAsync(s.Db, s.Scopes, null, s.Figures.Value, now, s.T, cancellationToken);
        var perYear = figures.Tables.Single(t => t.Key == "per-year");
        var items = new List<DashboardItem>();
        foreach (var year in new[] { now.Year, s.Figures.Value.BaselineYear }.Distinct())
        {
            var row = perYear.Rows.SingleOrDefault(r => r.Key == year.ToString(CultureInfo.InvariantCulture));
            if (row is null)
            {
                continue;
            }

            var url = "/Region?Query.Year=" + year.ToString(CultureInfo.InvariantCulture);
            var region = row.Cells[^1];
            items.Add(new DashboardItem("region-" + year.ToString(CultureInfo.InvariantCulture), region.Value,
                s.T["Dashboard_RegionYear", figures.Region, year, ExportFigures.Display(region, figures.Threshold)], url, Suppressed: region.Suppressed));
            for (var m = 0; m < figures.Municipalities.Count; m++)
            {
                var cell = row.Cells[m];
                items.Add(new DashboardItem($"municipality-{m}-{year.ToString(CultureInfo.InvariantCulture)}", cell.Value,
                    s.T["Dashboard_MunicipalityYear", figures.Municipalities[m].Name, year, ExportFigures.Display(cell, figures.Threshold)], url, Suppressed: cell.Suppressed));
            }
        }

        return new DashboardBlock(Roles.RegionalAnalyst, s.T["Role_" + Roles.RegionalAnalyst], items);
    }
}
