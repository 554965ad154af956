using System.Globalization;
using System.Security.Claims;
using Meldroute.Web.Features.Agenda;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Home;

/// <summary>
/// The policy advisor's block: goal 2 of the plan — this year's internal signals so far against the baseline year —
/// taken from the figures themselves (<see cref="GetFigures"/>, suppressed as the policy advisor always sees them), so
/// the dashboard publishes exactly the cells the figures page publishes and a small count stays "&lt; 5"; and the
/// implementation agenda's activities by status, late ones counted by the agenda's own rule. Agenda activities are
/// plans, not people: their counts need no suppression.
/// </summary>
public static class PolicyAdvisorBlock
{
    public static async Task<DashboardBlock> BuildAsync(DashboardServices s, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = s.Clock.GetUtcNow();
        var options = s.Figures.Value;
        var figures = await GetFigures.HandleAsync(s.Db, new FigureFilter(), exact: false, options, now, s.T, cancellationToken);
        var items = new List<DashboardItem>();
        var thisYear = figures.Baseline.SingleOrDefault(b => b.Year == now.Year);
        var baseline = figures.Baseline.SingleOrDefault(b => b.Year == figures.BaselineYear);
        if (thisYear is not null)
        {
            items.Add(Year("this-year", "Dashboard_ThisYear", thisYear, figures.Threshold, s));
        }

        if (baseline is not null && baseline.Year != now.Year)
        {
            items.Add(Year("baseline-year", "Dashboard_Year", baseline, figures.Threshold, s));
            if (thisYear is not null)
            {
                items.Add(thisYear.ChangeFromBaseline is { } change
                    ? new("change", change, s.T["Dashboard_Change", Change(change, thisYear.ChangePercent), baseline.Year], "/Figures")
                    : new("change", null, s.T["Dashboard_ChangeHidden", baseline.Year], "/Figures", Suppressed: thisYear.Compared.Suppressed || baseline.Compared.Suppressed));
            }
        }

        var today = DateOnly.FromDateTime(s.Clock.GetLocalNow().Date);
        var activities = await s.Db.AgendaActivities.AsNoTracking().Select(a => new { a.Status, a.PlannedEnd }).ToListAsync(cancellationToken);
        int Count(AgendaStatus status) => activities.Count(a => a.Status == status);
        var late = activities.Count(a => AgendaActivityRules.IsLate(a.Status, a.PlannedEnd, today));
        items.Add(AgendaItem("agenda-running", "Dashboard_AgendaRunning", Count(AgendaStatus.Running), "/Agenda?status=" + nameof(AgendaStatus.Running), s));
        items.Add(AgendaItem("agenda-planned", "Dashboard_AgendaPlanned", Count(AgendaStatus.Planned), "/Agenda?status=" + nameof(AgendaStatus.Planned), s));
        items.Add(AgendaItem("agenda-late", "Dashboard_AgendaLate", late, "/Agenda?late=true", s) with { Attention = late > 0 });
        items.Add(AgendaItem("agenda-not-funded", "Dashboard_AgendaNotFunded", Count(AgendaStatus.NotFunded), "/Agenda?status=" + nameof(AgendaStatus.NotFunded), s));
        items.Add(AgendaItem("agenda-done", "Dashboard_AgendaDone", Count(AgendaStatus.Done), "/Agenda?status=" + nameof(AgendaStatus.Done), s));
        return new DashboardBlock(Roles.PolicyAdvisor, s.T["Role_" + Roles.PolicyAdvisor], items);
    }

    /// <summary>A year of goal 2 as the figures publish it: the compared count (or its suppression symbol) and whether Meldroute counted it or it was entered.</summary>
    private static DashboardItem Year(string key, string textKey, BaselineFigure year, int threshold, DashboardServices s)
    {
        var cell = year.Compared;
        var shown = ExportFigures.Display(cell, threshold);
        var url = "/Figures?Query.Year=" + year.Year.ToString(CultureInfo.InvariantCulture);
        return new DashboardItem(key, cell.Value, s.T.PluralShown(textKey, cell.Value, shown, year.Year, s.T["Figures_Basis_" + year.Basis]), url, Suppressed: cell.Suppressed);
    }

    /// <summary>The difference as the figures page writes it: "+3 (+25%)", the percentage left out when the baseline is zero.</summary>
    private static string Change(long change, double? percent) =>
        change.ToString("+0;-0;0", CultureInfo.InvariantCulture)
        + (percent is { } p ? " (" + p.ToString("+0.#;-0.#;0", CultureInfo.CurrentCulture) + "%)" : "");

    private static DashboardItem AgendaItem(string key, string textKey, int count, string url, DashboardServices s) =>
        new(key, count, s.T.Plural(textKey, count), url);
}
