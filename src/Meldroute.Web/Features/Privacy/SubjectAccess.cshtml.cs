using System.Text.Json;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Privacy;

/// <summary>
/// The privacy officer's subject access request page. The name travels only in POST bodies, never in the address,
/// and is not written to the audit log (the request's reference is).
/// </summary>
[Authorize(Policy = Policies.PrivacyOfficer)]
public sealed class SubjectAccessModel(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    // As the API writes it (ExportSubjectData): enums by name.
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [BindProperty]
    public SubjectAccessRequest Input { get; set; } = new();

    public IReadOnlyList<SubjectRecord>? Found { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostSearchAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await FindSubjectData.HandleAsync(db, audit, t, Input, cancellationToken);
        return await outcome.ToPageResultAsync(this, ok: found => { Found = found; return Page(); }, again: () => Task.FromResult<IActionResult>(Page()), prefix: nameof(Input));
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await ExportSubjectData.HandleAsync(db, audit, clock, t, Input, cancellationToken);
        return await outcome.ToPageResultAsync(this, ok: ExportFile, again: () => Task.FromResult<IActionResult>(Page()), prefix: nameof(Input));
    }

    private FileContentResult ExportFile(SubjectExport export)
    {
        var fileName = "inzageverzoek-" + string.Concat(export.RequestReference.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')) + ".json";
        return File(JsonSerializer.SerializeToUtf8Bytes(export, ExportJson), "application/json", fileName);
    }
}
