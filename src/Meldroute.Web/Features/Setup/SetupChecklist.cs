using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Setup;

/// <summary>One thing a new installation needs before the reporting route works; <see cref="Page"/> is where it is fixed.</summary>
public sealed record SetupItem(string Key, bool Done, string Page, string? Detail = null);

/// <summary>
/// The first-run checklist: what is still missing before signals can be reported, analysed and forwarded. A reporter
/// needs a department to choose; an officer must take the signal in; the case table needs members; each route of a
/// decision needs a partner to hand over to, and the victim track a care coordinator to keep the dossier.
/// </summary>
public static class SetupChecklist
{
    public static async Task<IReadOnlyList<SetupItem>> GetAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           join user in db.Users on userRole.UserId equals user.Id
                           where user.LockoutEnd == null || user.LockoutEnd < Account.MeldrouteUser.BlockedFrom // accounts that can act: not blocked
                           select role.Name).Distinct().ToListAsync(cancellationToken);
        var routesWithPartner = await (from r in db.PartnerRoutes
                                       join p in db.Partners on r.PartnerId equals p.Id
                                       where p.ArchivedAt == null
                                       select r.Route).Distinct().ToListAsync(cancellationToken);
        var missingRoutes = Enum.GetValues<Route>().Where(r => r != Route.NoFurtherAction && !routesWithPartner.Contains(r)).ToList();
        return
        [
            new("Departments", await db.Departments.AnyAsync(cancellationToken), "/Departments/Index"),
            new("Indicators", await db.Indicators.AnyAsync(i => i.Active, cancellationToken), "/Indicators/Index"),
            new("Officer", roles.Contains(Roles.SpecialistOfficer), "/Admin/Users/Index"),
            new("CaseTableMember", roles.Contains(Roles.CaseTableMember), "/Admin/Users/Index"),
            new("Coordinator", roles.Contains(Roles.VictimCareCoordinator), "/Admin/Users/Index"),
            new("RoutePartners", missingRoutes.Count == 0, "/Partners/Index", missingRoutes.Count == 0 ? null : string.Join(",", missingRoutes)),
        ];
    }

    public static bool IsComplete(IReadOnlyList<SetupItem> items) => items.All(i => i.Done);
}
