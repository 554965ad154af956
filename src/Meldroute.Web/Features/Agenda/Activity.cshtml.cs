using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Agenda;

/// <summary>Adding or changing an agenda activity, and recording its progress with a link to the evidence.</summary>
[Authorize(Policy = Policies.PolicyAdvisor)]
public sealed class ActivityModel(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public AgendaActivityRequest Input { get; set; } = new() { Level = 2, Status = nameof(AgendaStatus.Planned) };

    [BindProperty]
    public AgendaNoteRequest Note { get; set; } = new();

    public AgendaActivityView? Activity { get; private set; }

    public string? Conflict { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is null)
        {
            return Page();
        }

        Activity = await AgendaActivityView.LoadAsync(db, clock, Id.Value, cancellationToken);
        if (Activity is null)
        {
            return NotFound();
        }

        Input = AgendaActivityRequest.From(Activity);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var invalidDates = ModelState.Where(e => e.Key.StartsWith("Input.Planned", StringComparison.Ordinal) && e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToList();
        ModelState.Clear();
        foreach (var key in invalidDates)
        {
            ModelState.AddModelError(key, t["Agenda_DateInvalid"]);
        }

        if (invalidDates.Count == 0)
        {
            var outcome = Id is null
                ? await AddAgendaActivity.HandleAsync(db, audit, clock, t, User, Input, cancellationToken)
                : await UpdateAgendaActivity.HandleAsync(db, audit, clock, t, User, Id.Value, Input, cancellationToken);
            return await outcome.ToPageResultAsync(this, ok: a => RedirectToPage("Activity", new { id = a.Id, saved = true }), again: AgainAsync, prefix: nameof(Input), conflict: m => Conflict = m);
        }

        return await AgainAsync();

        async Task<IActionResult> AgainAsync()
        {
            Activity = Id is null ? null : await AgendaActivityView.LoadAsync(db, clock, Id.Value, cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostNoteAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Id is null)
        {
            return NotFound();
        }

        var outcome = await AddAgendaProgressNote.HandleAsync(db, audit, clock, t, User, Id.Value, Note, cancellationToken);
        return await outcome.ToPageResultAsync(this, ok: _ => RedirectToPage("Activity", new { id = Id, saved = true }), again: AgainAsync, prefix: nameof(Note));

        async Task<IActionResult> AgainAsync()
        {
            Activity = await AgendaActivityView.LoadAsync(db, clock, Id.Value, cancellationToken);
            Input = AgendaActivityRequest.From(Activity!);
            return Page();
        }
    }

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);
}
