using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.Home;

/// <summary>
/// The case-table member's block: the next meeting they attend and the signals on its agenda (their references, each
/// opening the signal, which the member may read while it is on that open meeting's agenda). Meetings they do not
/// attend do not appear.
/// </summary>
public static class CaseTableBlock
{
    /// <summary>At most this many signals are listed one by one; the meeting's page has them all.</summary>
    public const int SignalsListed = 10;

    public static async Task<DashboardBlock> BuildAsync(DashboardServices s, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var title = s.T["Role_" + Roles.CaseTableMember];
        var next = await NextMeeting.FindAsync(s.Db, s.Clock, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", cancellationToken);
        if (next is null)
        {
            return new DashboardBlock(Roles.CaseTableMember, title, [new("next-meeting", null, s.T["Dashboard_NoMeetingInvited"], "/CaseTable")]);
        }

        return new DashboardBlock(Roles.CaseTableMember, title,
        [
            new("next-meeting", null, s.T["Dashboard_NextMeeting", next.Describe(s.T)], next.Url),
            new("agenda", next.Signals.Count, s.T.Plural("Dashboard_MeetingAgenda", next.Signals.Count), next.Url),
            .. next.Signals.Take(SignalsListed).Select(signal => new DashboardItem("agenda-signal", null, s.T["Dashboard_AgendaSignal", signal.Reference], "/Handling/Signal/" + signal.Id.ToString())),
        ]);
    }
}
