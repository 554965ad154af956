using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Partners;

/// <summary>The care map (zorgkaart): whom to contact for a form of exploitation and a route; printable and as DOCX.</summary>
[Authorize(Policy = Policies.PartnerReader)]
public sealed class CareMapModel(MeldrouteDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "form")]
    public string? Form { get; set; }

    [BindProperty(SupportsGet = true, Name = "route")]
    public string? Route { get; set; }

    public CareMapView? Map { get; private set; }

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!Request.Query.ContainsKey("form") && !Request.Query.ContainsKey("route"))
        {
            return Page();
        }

        var outcome = await CareMap.GetAsync(db, t, new CareMapQuery { Form = Form, Route = Route }, cancellationToken);
        return await outcome.ToPageResultAsync(this, ok: map => { Map = map; return Page(); }, again: () => Task.FromResult<IActionResult>(Page()));
    }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await CareMap.GetAsync(db, t, new CareMapQuery { Form = Form, Route = Route }, cancellationToken);
        var municipalityName = await Municipalities.CurrentMunicipality.NameAsync(db, cancellationToken);
        return await outcome.ToPageResultAsync(this, ok: map => DocxFile(map, municipalityName), again: () => Task.FromResult<IActionResult>(Page()));
    }

    private FileContentResult DocxFile(CareMapView map, string municipalityName)
    {
        var file = PartnersApi.CareMapFile(map, t, municipalityName);
        return File(file.FileContents.ToArray(), file.ContentType, file.FileDownloadName);
    }
}
