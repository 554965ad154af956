using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Departments;

/// <summary>A new department, or changing one (CreateDepartment, UpdateDepartment).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public DepartmentRequest Input { get; set; } = new();

    public string? Conflict { get; private set; }

    public string? StoredName { get; private set; }

    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is not { } department)
            {
                return NotFound();
            }

            StoredName = department.Name;
            Input = new DepartmentRequest
            {
                Version = department.Version, Name = department.Name, HasPublicContact = department.HasPublicContact, PublicContactEmployees = department.PublicContactEmployees,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A count that is no number is the model binder's error: shown next to the field, in Dutch, like the others.
        var countInvalid = ModelState.TryGetValue("Input.PublicContactEmployees", out var count) && count.Errors.Count > 0;
        ModelState.Clear();
        if (countInvalid)
        {
            // What was typed stays in the field.
            var typed = Request.Form["Input.PublicContactEmployees"].ToString();
            ModelState.SetModelValue("Input.PublicContactEmployees", typed, typed);
            ModelState.AddModelError("Input.PublicContactEmployees", t["Training_StaffRange"]);
            await LoadNameAsync(cancellationToken);
            return Page();
        }

        var outcome = Id is { } id
            ? await UpdateDepartment.HandleAsync(db, audit, clock, t, User, id, Input, cancellationToken)
            : await CreateDepartment.HandleAsync(db, audit, clock, t, User, Input, cancellationToken);
        return await outcome.ToPageResultAsync(this, ok: _ => RedirectToPage("Index", new { saved = true }), again: AgainAsync, prefix: nameof(Input), conflict: m => Conflict = m);

        async Task<IActionResult> AgainAsync()
        {
            await LoadNameAsync(cancellationToken);
            return Page();
        }
    }

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);

    private async Task LoadNameAsync(CancellationToken cancellationToken) =>
        StoredName = Id is { } id ? await db.Departments.Where(d => d.Id == id).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken) : null;
}
