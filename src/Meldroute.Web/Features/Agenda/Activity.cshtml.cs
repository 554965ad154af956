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

        Activity = await AgendaActivities.GetAsync(db, clock, Id.Value, cancellationToken);
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
            var outcome = await AgendaActivities.SaveAsync(db, audit, clock, t, User, Id, Input, cancellationToken);
            switch (outcome.Kind)
            {
                case OutcomeKind.Ok:
                    return RedirectToPage("Activity", new { id = outcome.Value!.Id, saved = true });
                case OutcomeKind.NotFound:
                    return NotFound();
                case OutcomeKind.Invalid:
                    outcome.Errors!.AddTo(ModelState, nameof(Input));
                    break;
                default:
                    Conflict = outcome.Message;
                    break;
            }
        }

        Activity = Id is null ? null : await AgendaActivities.GetAsync(db, clock, Id.Value, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostNoteAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Id is null)
        {
            return NotFound();
        }

        var outcome = await AgendaActivities.AddNoteAsync(db, audit, clock, t, User, Id.Value, Note, cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.Kind == OutcomeKind.Ok)
        {
            return RedirectToPage("Activity", new { id = Id, saved = true });
        }

        outcome.Errors!.AddTo(ModelState, nameof(Note));
        Activity = await AgendaActivities.GetAsync(db, clock, Id.Value, cancellationToken);
        Input = AgendaActivityRequest.From(Activity!);
        return Page();
    }

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);
}
