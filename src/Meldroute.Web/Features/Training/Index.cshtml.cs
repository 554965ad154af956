using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Training;

public sealed class StaffInput
{
    public int Id { get; set; }

    public Guid? Version { get; set; }

    public string? PublicContactEmployees { get; set; }
}

/// <summary>Training figures (sessions per year, share trained per department and year), the sessions, and employees with public contact.</summary>
[Authorize(Policy = Policies.PolicyAdvisor)]
public sealed class IndexModel(MeldrouteDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public List<StaffInput> Staff { get; set; } = [];

    public TrainingOverview Overview { get; private set; } = null!;

    public string? Conflict { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(fillStaff: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostStaffAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        for (var i = 0; i < Staff.Count; i++)
        {
            var s = Staff[i];
            int? count = null;
            if (!string.IsNullOrWhiteSpace(s.PublicContactEmployees))
            {
                if (int.TryParse(s.PublicContactEmployees, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)) count = parsed;
                else
                {
                    ModelState.AddModelError($"Staff[{i}].PublicContactEmployees", t["Training_StaffRange"]);
                    continue;
                }
            }

            var outcome = await SetPublicContactEmployees.HandleAsync(db, audit, t, s.Id, new DepartmentStaffRequest { Version = s.Version, PublicContactEmployees = count }, cancellationToken);
            if (outcome.Kind == OutcomeKind.Invalid) ModelState.AddModelError($"Staff[{i}].PublicContactEmployees", outcome.Errors!.Values.First()[0]);
            else if (outcome.Kind == OutcomeKind.Conflict) Conflict = outcome.Message;
        }

        if (ModelState.IsValid && Conflict is null)
        {
            return RedirectToPage("Index", new { saved = true });
        }

        await LoadAsync(fillStaff: false, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(bool fillStaff, CancellationToken cancellationToken)
    {
        Overview = await ListTrainings.HandleAsync(db, PageNumber, cancellationToken);
        if (fillStaff || Staff.Count != Overview.Departments.Count)
        {
            Staff = [.. Overview.Departments.Select(d => new StaffInput
            {
                Id = d.Id, Version = d.Version, PublicContactEmployees = d.PublicContactEmployees?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })];
        }
    }
}
