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
/// The guided intake form, without JavaScript: (1) acute danger → call 112; (2) what, when, where, which forms and
/// indicators, who; (3) review; (4) submit → confirmation with the reference. Everything typed travels in the form
/// itself between steps, so nothing is lost and nothing is stored before the reporter submits.
/// </summary>
[Authorize(Policy = Policies.Submitter)]
public sealed class NewModel(MeldrouteDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t, SignalIntake intake) : PageModel
{
    public enum IntakeStep
    {
        Danger,
        Details,
        Review,
    }

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

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        await LoadAsync(cancellationToken);
    }

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

    /// <summary>Checks everything; with errors back to the details (each message next to its field), else the review.</summary>
    public async Task<IActionResult> OnPostReviewAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        DropEmptyPeople();
        await LoadAsync(cancellationToken);
        Step = await ValidateAsync(cancellationToken) ? IntakeStep.Review : IntakeStep.Details;
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
        return await outcome.ToPageResultAsync(
            this,
            ok: submitted => RedirectToPage("./Submitted", new { reference = submitted.Response.Reference }),
            again: () =>
            {
                Step = IntakeStep.Details;
                return Task.FromResult<IActionResult>(Page());
            },
            prefix: nameof(Input),
            conflict: message => ModelState.AddModelError(string.Empty, message ?? ""));
    }

    private async Task<bool> ValidateAsync(CancellationToken cancellationToken)
    {
        OnlyOfficersChooseSource();
        var errors = await intake.ValidateAsync(Input, User, cancellationToken);
        errors.AddTo(ModelState, nameof(Input));
        return errors.Count == 0;
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

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);
}
