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
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

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
        if (outcome.Kind == OutcomeKind.Ok)
        {
            Found = outcome.Value;
        }
        else
        {
            outcome.Errors?.AddTo(ModelState, nameof(Input));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await ExportSubjectData.HandleAsync(db, audit, clock, t, Input, cancellationToken);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            outcome.Errors?.AddTo(ModelState, nameof(Input));
            return Page();
        }

        var fileName = "inzageverzoek-" + string.Concat(outcome.Value!.RequestReference.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')) + ".json";
        return File(JsonSerializer.SerializeToUtf8Bytes(outcome.Value, ExportJson), "application/json", fileName);
    }
}
