using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>
/// One victim dossier (GetVictimDossier) with the coordinator's forms. Whether the user may open it is decided per
/// dossier by <see cref="DossierAccessHandler"/>; anyone else gets a 404, as if it did not exist.
/// </summary>
[Authorize(Policy = Policies.DossierReader)]
public sealed class DossierModel(
    MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, TimeProvider clock, IOptions<RetentionOptions> retention,
    DossierChanges commands, UserManager<MeldrouteUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    [BindProperty]
    public DossierNoteRequest Note { get; set; } = new();

    [BindProperty]
    public ConsentRequest Consent { get; set; } = new();

    [BindProperty]
    public DossierPartnerRequest Partner { get; set; } = new();

    [BindProperty]
    public ReflectionPeriodRequest Reflection { get; set; } = new();

    [BindProperty]
    public GrantRequest Grant { get; set; } = new();

    [BindProperty]
    public CloseDossierRequest Close { get; set; } = new();

    public DossierDetail Dossier { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Name)> PartnerChoices { get; private set; } = [];

    public string? Conflict { get; private set; }

    public string? Failed { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostNoteAsync(CancellationToken ct) =>
        RunAsync(nameof(Note), () => RecordDossierNote.HandleAsync(commands, User, Id, WithVersion(Note), ct), ct);

    public Task<IActionResult> OnPostConsentAsync(CancellationToken ct) =>
        RunAsync(nameof(Consent), () => RecordConsent.HandleAsync(commands, User, Id, WithVersion(Consent), ct), ct);

    public Task<IActionResult> OnPostPartnerAsync(CancellationToken ct) =>
        RunAsync(nameof(Partner), () => AddDossierPartner.HandleAsync(commands, User, Id, WithVersion(Partner), ct), ct);

    public Task<IActionResult> OnPostReflectionAsync(CancellationToken ct) =>
        RunAsync(nameof(Reflection), () => SetReflectionPeriod.HandleAsync(commands, User, Id, WithVersion(Reflection), ct), ct);

    public Task<IActionResult> OnPostGrantAsync(CancellationToken ct) =>
        RunAsync(nameof(Grant), () => GrantDossierAccess.HandleAsync(commands, users, User, Id, WithVersion(Grant), ct), ct);

    public Task<IActionResult> OnPostRevokeAsync(Guid grantId, CancellationToken ct) =>
        RunAsync("Revoke", () => RevokeDossierAccess.HandleAsync(commands, User, Id, grantId, Version, ct), ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        RunAsync(nameof(Close), () => CloseVictimDossier.HandleAsync(commands, User, Id, WithVersion(Close), ct), ct);

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);

    private T WithVersion<T>(T request)
        where T : IVersionedRequest
    {
        request.Version = Version;
        return request;
    }

    /// <summary>Runs a change; on success back to the page (post-redirect-get), otherwise the page again with the user's input and the messages.</summary>
    private async Task<IActionResult> RunAsync(string form, Func<Task<Outcome<DossierChanged>>> change, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await (await change()).ToPageResultAsync(
            this,
            ok: _ => RedirectToPage(new { id = Id, done = form }),
            again: async () =>
            {
                Failed = form;
                return await LoadAsync(cancellationToken) ? Page() : NotFound();
            },
            prefix: form,
            conflict: message => Conflict = message);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var detail = await GetVictimDossier.HandleAsync(db, authorization, audit, clock, retention.Value, User, Id, cancellationToken);
        if (detail is null)
        {
            return false;
        }

        Dossier = detail;
        Done = Request.Query["done"];
        if (Failed is null)
        {
            Version = detail.Version;
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            Note.OccurredOn ??= today;
            Consent.RecordedOn ??= today;
            Partner.Since ??= today;
            Reflection.Start ??= detail.ReflectionPeriodStart;
            Reflection.End ??= detail.ReflectionPeriodEnd;
        }

        PartnerChoices = detail.CanManage
            ? [.. (await db.Partners.AsNoTracking().Where(p => p.ArchivedAt == null).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken)).OrderBy(p => p.Name, StringComparer.CurrentCulture).Select(p => (p.Id, p.Name))]
            : [];
        return true;
    }
}
