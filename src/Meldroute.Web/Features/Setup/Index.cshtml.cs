using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meldroute.Web.Features.Setup;

/// <summary>
/// The installation's set-up: the first-run checklist with where each item is fixed, the reference data's pages, and
/// the reference data as a ZIP (ExportReferenceData). Administrators change; policy advisors read.
/// </summary>
[Authorize(Policy = Policies.ReferenceDataReader)]
public sealed class IndexModel(MeldrouteDbContext db, AuditTrail audit, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<SetupItem> Checklist { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Checklist = await SetupChecklist.GetAsync(db, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.PartnerEditor)).Succeeded;
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        return File(await ExportReferenceData.HandleAsync(db, audit, null, cancellationToken), ExportReferenceData.ContentType, ExportReferenceData.FileName);
    }
}
