using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meldroute.Web.Features.Privacy;

/// <summary>The register of processing activities (AVG art. 30), shown from the data.</summary>
[Authorize(Policy = Policies.PrivacyOfficer)]
public sealed class RegisterModel(MeldrouteDbContext db) : PageModel
{
    public IReadOnlyList<ProcessingActivity> Activities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Activities = await ListProcessingActivities.HandleAsync(db, cancellationToken);
}
