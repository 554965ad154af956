using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>
/// The CoMensha registration of one possible victim (GetComenshaRegistration, SaveComenshaRegistration,
/// DownloadComenshaRegistration): the coordinator fills it in, saves it, downloads its data to submit, and records the
/// day it was registered. Anyone else gets a 404, as for the dossier.
/// </summary>
[Authorize(Policy = Policies.VictimCareCoordinator)]
public sealed class ComenshaModel(
    MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, DossierChanges commands) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid VictimId { get; set; }

    [BindProperty]
    public ComenshaRegistrationRequest Input { get; set; } = new();

    public ComenshaRegistrationView View { get; private set; } = null!;

    public string? Conflict { get; private set; }

    public bool Failed { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(keepInput: false, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The form's own messages replace the model binder's ("The value '' is invalid").
        ModelState.Clear();
        return await (await SaveComenshaRegistration.HandleAsync(commands, User, Id, VictimId, Input, cancellationToken)).ToPageResultAsync(
            this,
            ok: _ => RedirectToPage(new { id = Id, victimId = VictimId, done = true }),
            again: async () =>
            {
                Failed = true;
                return await LoadAsync(keepInput: true, cancellationToken) ? Page() : NotFound();
            },
            prefix: nameof(Input),
            conflict: message => Conflict = message);
    }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) => DownloadAsync(ComenshaFormat.Csv, cancellationToken);

    public Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken) => DownloadAsync(ComenshaFormat.Pdf, cancellationToken);

    public string? ErrorFor(string field) => ModelState.ErrorFor(nameof(Input) + "." + field);

    private async Task<IActionResult> DownloadAsync(ComenshaFormat format, CancellationToken cancellationToken) =>
        await (await DownloadComenshaRegistration.HandleAsync(db, authorization, audit, commands.T, await Municipalities.CurrentMunicipality.NameAsync(db, cancellationToken), User, Id, VictimId, format, cancellationToken))
            .ToPageResultAsync(
                this,
                ok: file => File(file.Content, file.ContentType, file.FileName),
                again: async () => await LoadAsync(keepInput: false, cancellationToken) ? Page() : NotFound(),
                conflict: message => Conflict = message);

    private async Task<bool> LoadAsync(bool keepInput, CancellationToken cancellationToken)
    {
        var view = await GetComenshaRegistration.HandleAsync(db, authorization, audit, User, Id, VictimId, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        Done = Request.Query["done"] == "true";
        if (!keepInput)
        {
            Input = view.Registration;
            Input.Version = view.Version;
        }

        return true;
    }
}
