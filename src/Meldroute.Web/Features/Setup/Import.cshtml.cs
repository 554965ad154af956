using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Setup;

/// <summary>ImportReferenceData from the page: the administrator uploads the ZIP; a refusal lists every problem and writes nothing.</summary>
[Authorize(Policy = Policies.PartnerEditor)]
[RequestSizeLimit(ReferenceDataSet.MaxFileBytes + 100_000)]
[RequestFormLimits(MultipartBodyLengthLimit = ReferenceDataSet.MaxFileBytes + 100_000)]
public sealed class ImportModel(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t, IMemoryCache cache) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public ReferenceDataImported? Imported { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Dictionary<string, string>? files = null;
        if (Upload is { Length: > 0 and <= ReferenceDataSet.MaxFileBytes })
        {
            await using var upload = new MemoryStream();
            await Upload.CopyToAsync(upload, cancellationToken);
            upload.Position = 0;
            files = ReferenceDataSet.FilesOfZip(upload);
        }

        var outcome = await ImportReferenceData.HandleAsync(db, audit, clock, t, cache, User, files, cancellationToken);
        Imported = outcome.Value;
        Problems = [.. outcome.Errors?.Values.SelectMany(m => m) ?? []];
        return Page();
    }
}
