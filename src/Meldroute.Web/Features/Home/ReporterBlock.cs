using System.Globalization;
using System.Security.Claims;
using Meldroute.Web.Features.Intake;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.Home;

/// <summary>
/// The reporter's simple home: how many signals they reported, the latest few with the general status they may see
/// (<see cref="ListMySignals"/>), and where to report a new one. Nothing of anyone else's.
/// </summary>
public static class ReporterBlock
{
    /// <summary>The latest signals listed one by one; "Mijn meldingen" has them all.</summary>
    public const int SignalsListed = 5;

    public static async Task<DashboardBlock> BuildAsync(DashboardServices s, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var count = await ListMySignals.CountAsync(s.Db, userId, cancellationToken);
        // The first page of the reporter's own list, cut to the few the home shows.
        var latest = (await ListMySignals.HandleAsync(s.Db, s.T, userId, cursorText: null, SignalsListed, cancellationToken)).Value?.Rows ?? [];
        return new DashboardBlock(Roles.Reporter, s.T["Role_" + Roles.Reporter],
        [
            new("my-signals", count, count == 0 ? s.T["Dashboard_MySignalsNone"] : s.T.Plural("Dashboard_MySignals", count), "/Intake/Mine"),
            .. latest.Select(m => new DashboardItem("my-signal", null,
                s.T["Dashboard_MySignal", m.Reference, s.T["ReporterStatus_" + m.Status], m.LastChangedOn.ToString("d", CultureInfo.CurrentCulture)], "/Intake/Mine")),
            new("new-signal", null, s.T["Dashboard_NewSignal"], "/Intake/New"),
        ]);
    }
}
