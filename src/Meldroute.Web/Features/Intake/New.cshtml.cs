using System.Globalization;
using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Departments;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Intake;

/// <summary>
/// The guided intake form, without JavaScript: (1) acute danger → call 112; (2) what, when, where, which forms, who;
/// (3) the indicators of the chosen forms; (4) review; then submit → confirmation with the reference. Everything typed
/// travels in the form itself between steps, so nothing is lost and nothing is stored before the reporter submits.
/// </summary>
[Authorize(Policy = Policies.Submitter)]
public sealed class NewModel(MeldrouteDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t, SignalIntake intake, AuditTrail audit) : PageModel
{
    public enum IntakeStep
    {
        Danger,
        Details,
        Indicators,
        Review,
    }

    /// <summary>The steps in order, with their names for the progress indicator.</summary>
    public static readonly IReadOnlyList<IntakeStep> Steps = Enum.GetValues<IntakeStep>();

    [BindProperty]
    public SubmitSignalRequest Input { get; set; } = new();

    [BindProperty]
    public IntakeStep Step { get; set; } = IntakeStep.Danger;

    /// <summary>Made when the form is first shown; the same key on a second submit returns the first signal.</summary>
    [BindProperty]
    public string IdempotencyKey { get; set; } = "";

    /// <summary>Answer to step 1, "yes"/"no"; null until answered.</summary>
    [BindProperty]
    public string? DangerAnswer { get; set; }

    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public bool IsOfficer => User.IsInRole(Roles.SpecialistOfficer);

    public bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The saved draft this form continues, if any (<see cref="IntakeDrafts"/>), and its version as read.</summary>
    [BindProperty]
    public Guid? DraftId { get; set; }

    [BindProperty]
    public Guid? DraftVersion { get; set; }

    /// <summary>What was just saved as a draft, to say so.</summary>
    public IntakeDraftSummary? SavedDraft { get; private set; }

    public string? DraftConflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? draft, CancellationToken cancellationToken)
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        if (draft is { } id)
        {
            if (await IntakeDrafts.GetAsync(db, audit, UserId, id, cancellationToken) is not { } saved)
            {
                return NotFound();
            }

            (Input, DraftId, DraftVersion) = (saved.Content, saved.Id, saved.Version);
            Step = saved.Step;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Saves what was typed so far as a draft of the reporter's own, and stays on the step.</summary>
    public async Task<IActionResult> OnPostSaveDraftAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        DropEmptyPeople();
        OnlyOfficersChooseSource();
        await LoadAsync(cancellationToken);
        var outcome = await IntakeDrafts.SaveAsync(db, audit, clock, UserId, DraftId, new SaveIntakeDraftRequest(Input, Step, DraftVersion), t, cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                SavedDraft = outcome.Value;
                (DraftId, DraftVersion) = (SavedDraft!.Id, SavedDraft.Version);
                break;
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Invalid:
                DraftConflict = string.Join(" ", outcome.Errors!.SelectMany(e => e.Value));
                break;
            default:
                DraftConflict = outcome.Message;
                break;
        }

        return Page();
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>Step 1 answered: on to the details (with the 112 message if someone is in acute danger).</summary>
    public async Task<IActionResult> OnPostDangerAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (DangerAnswer is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(DangerAnswer), t["Intake_DangerRequired"]);
            Step = IntakeStep.Danger;
        }
        else
        {
            Input.AcuteDanger = DangerAnswer == "yes";
            Step = IntakeStep.Details;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>One more (empty) person row; what was typed stays.</summary>
    public async Task<IActionResult> OnPostAddPersonAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Input.People.Count < SubmitSignal.MaxPeople)
        {
            Input.People.Add(new PersonInput());
        }

        Step = IntakeStep.Details;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemovePersonAsync(int index, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (index >= 0 && index < Input.People.Count)
        {
            Input.People.RemoveAt(index);
        }

        Step = IntakeStep.Details;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Details done: with errors in them back to the details (each message next to its field), else the indicators.</summary>
    public async Task<IActionResult> OnPostIndicatorsAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        DropEmptyPeople();
        await LoadAsync(cancellationToken);
        await ValidateAsync(cancellationToken);
        Step = StepOfFirstError() ?? IntakeStep.Indicators;
        if (Step == IntakeStep.Indicators)
        {
            // Errors that belong to the indicators' own step are shown there, when it is submitted.
            ModelState.Clear();
        }

        return Page();
    }

    /// <summary>Checks everything; with errors back to the first step that has one, else the review.</summary>
    public async Task<IActionResult> OnPostReviewAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        DropEmptyPeople();
        await LoadAsync(cancellationToken);
        await ValidateAsync(cancellationToken);
        Step = StepOfFirstError() ?? IntakeStep.Review;
        return Page();
    }

    /// <summary>From the review back to a step to change it.</summary>
    public async Task<IActionResult> OnPostEditIndicatorsAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Step = IntakeStep.Indicators;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Step = IntakeStep.Details;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        DropEmptyPeople();
        await LoadAsync(cancellationToken);
        OnlyOfficersChooseSource();
        var key = string.IsNullOrWhiteSpace(IdempotencyKey) || IdempotencyKey.Length > 64 ? null : IdempotencyKey;
        var outcome = await intake.SubmitAsync(Input, User, key, cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok && DraftId is { } draft)
        {
            // Sent: the draft it came from has done its work (deleted with its key, not kept for 7 days).
            await IntakeDrafts.DeleteAsync(db, audit, clock, UserId, draft, "sent", cancellationToken);
        }

        return await outcome.ToPageResultAsync(
            this,
            ok: submitted => RedirectToPage("./Submitted", new { reference = submitted.Response.Reference }),
            again: () =>
            {
                Step = StepOfFirstError() ?? IntakeStep.Details;
                return Task.FromResult<IActionResult>(Page());
            },
            prefix: nameof(Input),
            conflict: message => ModelState.AddModelError(string.Empty, message ?? ""));
    }

    private async Task ValidateAsync(CancellationToken cancellationToken)
    {
        OnlyOfficersChooseSource();
        DropIndicatorsOfFormsNotChosen();
        var errors = await intake.ValidateAsync(Input, User, cancellationToken);
        errors.AddTo(ModelState, nameof(Input));
    }

    /// <summary>The step that holds the first field in error (the indicators have a step of their own); null without errors.</summary>
    private IntakeStep? StepOfFirstError()
    {
        var fields = ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToList();
        if (fields.Count == 0)
        {
            return null;
        }

        return fields.All(f => f.StartsWith("Input.IndicatorCodes", StringComparison.Ordinal)) ? IntakeStep.Indicators : IntakeStep.Details;
    }

    /// <summary>A form unticked after its indicators were: those indicators no longer apply and are not sent.</summary>
    private void DropIndicatorsOfFormsNotChosen()
    {
        var shown = IndicatorsShown.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var known = Indicators.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // An unknown code stays, so that validation names it instead of it vanishing.
        Input.IndicatorCodes.RemoveAll(c => known.Contains(c) && !shown.Contains(c));
    }

    /// <summary>A reporter's form has no source fields: whatever came with the post is dropped.</summary>
    private void OnlyOfficersChooseSource()
    {
        if (!IsOfficer)
        {
            Input.Source = null;
            Input.SourceDetail = null;
        }
    }

    private void DropEmptyPeople() => Input.People.RemoveAll(p => p.IsEmpty && p.Role is null);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Indicators = await db.Indicators.AsNoTracking().Where(i => i.Active).OrderBy(i => i.Code).ToListAsync(cancellationToken);
        Departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
    }

    /// <summary>The indicators shown under a form (G-codes under every form).</summary>
    public IEnumerable<Indicator> IndicatorsFor(ExploitationForms form) =>
        Indicators.Where(i => i.Form == form);

    /// <summary>
    /// The groups of indicators on the indicators step: the general ones and those of each chosen form; every form's
    /// when the reporter does not know the form or chose none.
    /// </summary>
    public IReadOnlyList<ExploitationForms> IndicatorGroups
    {
        get
        {
            ExploitationForms[] forms = [ExploitationForms.Sexual, ExploitationForms.Labour, ExploitationForms.Criminal];
            var chosen = Input.Forms.Count == 0 || Input.Forms.Contains(ExploitationForms.Unknown) ? forms : forms.Where(Input.Forms.Contains).ToArray();
            return [ExploitationForms.None, .. chosen];
        }
    }

    private IEnumerable<Indicator> IndicatorsShown => IndicatorGroups.SelectMany(IndicatorsFor);

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);
}
