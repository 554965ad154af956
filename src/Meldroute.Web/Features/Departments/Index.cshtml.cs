using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meldroute.Web.Features.Departments;

/// <summary>The departments (ListDepartments): the administrator adds and changes them, the policy advisor reads.</summary>
[Authorize(Policy = Policies.ReferenceDataReader)]
public sealed class IndexModel(MeldrouteDbContext db, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<DepartmentView> Departments { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Departments = await ListDepartments.HandleAsync(db, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Administrator)).Succeeded;
    }
}
