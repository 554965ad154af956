using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.CaseData;

/// <summary>The anonymised case export (ExportCaseData): what it holds and how it is protected, and the download as CSV or JSON for a period of whole years.</summary>
[Authorize(Policy = Policies.CaseDataExporter)]
public sealed class IndexModel(MeldrouteDbContext db, AuditTrail audit, IOptions<FiguresOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CaseDataQuery Query { get; set; } = new();

    public int K => Math.Max(1, options.Value.SuppressionThreshold);

    /// <summary>For a regional analyst, the region whose municipalities the export holds together; null for the municipality's own.</summary>
    public Features.Region.RegionOfAccount? Region { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // The form only: bad values from a link are not an error before anything is asked for.
        ModelState.Clear();
        await ReadRegionAsync(cancellationToken);
        return Page();
    }

    private async Task ReadRegionAsync(CancellationToken cancellationToken) =>
        Region = User.IsInRole(Roles.RegionalAnalyst) ? await Features.Region.RegionOfAccount.ReadAsync(db, cancellationToken) : null;

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        // The messages are the page's own, in Dutch or English; what was typed stays in the fields.
        foreach (var (key, entry) in ModelState)
        {
            if (entry is null || entry.Errors.Count == 0)
            {
                continue;
            }

            entry.Errors.Clear();
            entry.Errors.Add(key.EndsWith(nameof(Query.Format), StringComparison.Ordinal) ? t["CaseData_FormatUnknown"] : t["CaseData_YearRange", QueryRanges.YearMin, QueryRanges.YearMax]);
        }

        foreach (var (name, year) in new[] { (nameof(Query.FromYear), Query.FromYear), (nameof(Query.ToYear), Query.ToYear) })
        {
            if (year is < QueryRanges.YearMin or > QueryRanges.YearMax && ErrorFor(name) is null)
            {
                ModelState.AddModelError(nameof(Query) + "." + name, t["CaseData_YearRange", QueryRanges.YearMin, QueryRanges.YearMax]);
            }
        }

        if (Query.ParsedFormat is null)
        {
            ModelState.AddModelError(nameof(Query) + "." + nameof(Query.Format), t["CaseData_FormatUnknown"]);
        }

        if (ModelState.IsValid && Query is { FromYear: { } from, ToYear: { } to } && from > to)
        {
            ModelState.AddModelError(nameof(Query) + "." + nameof(Query.ToYear), t["CaseData_YearsReversed"]);
        }

        if (!ModelState.IsValid)
        {
            await ReadRegionAsync(cancellationToken);
            return Page();
        }

        var export = await ExportCaseData.HandleAsync(db, audit, options.Value, Query, User, cancellationToken);
        return Query.ParsedFormat == CaseDataFormat.Json
            ? File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(export, JsonOptions), "application/json", "casusdata-htcds.json")
            : File(ExportCaseData.ToCsv(export), CaseDataApi.CsvType, "casusdata-htcds.csv");
    }

    public string? ErrorFor(string field) => ModelState.ErrorFor(nameof(Query) + "." + field);

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true };
}
