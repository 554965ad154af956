using System.Security.Claims;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.Home;

/// <summary>
/// GetDashboard: the start page's blocks for the signed-in user, one per role they have (a user with several roles sees
/// each of theirs, and no other). Every block counts only what its role may see anyway, and each number links to the
/// list it counts. Counts and states only: no personal data, so reading it is not audited.
/// </summary>
public static class GetDashboard
{
    /// <summary>The block of each role, in the order of the roles.</summary>
    public static readonly IReadOnlyList<(string Role, DashboardBlockBuilder Build)> Blocks =
    [
        (Roles.Reporter, ReporterBlock.BuildAsync),
        (Roles.SpecialistOfficer, OfficerBlock.BuildAsync),
        (Roles.CaseTableMember, CaseTableBlock.BuildAsync),
        (Roles.VictimCareCoordinator, CoordinatorBlock.BuildAsync),
        (Roles.PolicyAdvisor, PolicyAdvisorBlock.BuildAsync),
        (Roles.PrivacyOfficer, PrivacyOfficerBlock.BuildAsync),
        (Roles.Administrator, AdministratorBlock.BuildAsync),
        (Roles.RegionalAnalyst, RegionalAnalystBlock.BuildAsync),
    ];

    public static async Task<Dashboard> HandleAsync(DashboardServices services, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var blocks = new List<DashboardBlock>();
        foreach (var (role, build) in Blocks)
        {
            if (user.IsInRole(role))
            {
                blocks.Add(await build(services, user, cancellationToken));
            }
        }

        return new Dashboard(blocks);
    }
}
