using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Departments;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Training;

/// <summary>Recording a training session: date, title, provider, audience and the number of participants per department.</summary>
[Authorize(Policy = Policies.PolicyAdvisor)]
public sealed class RecordModel(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public TrainingRequest Input { get; set; } = new();

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.Departments = [.. Departments.Select(d => new AttendanceInput { DepartmentId = d.Id })];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var badNumbers = ModelState.Where(e => e.Key.StartsWith("Input.", StringComparison.Ordinal) && e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToList();
        ModelState.Clear();
        foreach (var key in badNumbers)
        {
            ModelState.AddModelError(key, key == "Input.Date" ? t["Agenda_DateInvalid"] : t["Training_ParticipantsRange", RecordTraining.MaxParticipants]);
        }

        await LoadAsync(cancellationToken);
        if (badNumbers.Count > 0)
        {
            return Page();
        }

        var outcome = await RecordTraining.HandleAsync(db, audit, clock, t, User, Input, cancellationToken);
        return await outcome.ToPageResultAsync(this, ok: _ => RedirectToPage("Index", new { saved = true }), again: () => Task.FromResult<IActionResult>(Page()), prefix: nameof(Input));
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
}
