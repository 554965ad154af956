using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.CaseTable;

public sealed record DecidedRoute(Route Route, IReadOnlyList<string> Partners, bool IndividualCaseMeetingRequested);

public sealed record DecisionListItem(string Reference, SignalStatus Status, IReadOnlyList<ExploitationForms> Forms, IReadOnlyList<DecidedRoute> Routes);

/// <summary>
/// The list of decisions (besluitenlijst) of a meeting, its minutes: when, who chaired, who was present, excused or
/// absent, and per signal on the agenda, in order, its reference, forms and the routes decided — never names of the
/// people a signal is about, and never the weighing or the members' contributions.
/// </summary>
public sealed record DecisionListView(
    Guid MeetingId,
    string? Title,
    DateTimeOffset ScheduledAt,
    bool Closed,
    IReadOnlyList<DecisionListItem> Items,
    string Chair,
    IReadOnlyList<string> Present,
    IReadOnlyList<string> Excused,
    IReadOnlyList<string> Absent,
    IReadOnlyList<string> NotRecorded);

/// <summary>GetDecisionList: for officers, the chair and the meeting's invitees.</summary>
public static class DecisionList
{
    public static Task<DecisionListView?> HandleAsync(
        MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, ClaimsPrincipal user, Guid meetingId, CancellationToken cancellationToken) =>
        ReadAsync(db, authorization, audit, user, meetingId, "meeting.decisions.read", cancellationToken);

    /// <summary>GetMinutes: the same list, for <see cref="MinutesPdf"/>, audited as the minutes' download.</summary>
    public static Task<DecisionListView?> MinutesAsync(
        MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, ClaimsPrincipal user, Guid meetingId, CancellationToken cancellationToken) =>
        ReadAsync(db, authorization, audit, user, meetingId, "meeting.minutes.read", cancellationToken);

    private static async Task<DecisionListView?> ReadAsync(
        MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, ClaimsPrincipal user, Guid meetingId, string auditAction, CancellationToken cancellationToken) =>
        await GetCaseTableMeeting.HandleAsync(db, authorization, audit, user, meetingId, auditAction, cancellationToken) is { } meeting ? From(meeting) : null;

    /// <summary>A decided route as the list of decisions names it: the route, its partners, an ICO asked for.</summary>
    public static string Describe(DecidedRoute route, IStringLocalizer t) =>
        t["Route_" + route.Route].Value + (route.Partners.Count == 0 ? "" : ": " + string.Join(", ", route.Partners)) + (route.IndividualCaseMeetingRequested ? " · " + t["Routes_Ico"].Value : "");

    public static DecisionListView From(MeetingView m)
    {
        // The chair is named as chair, not again among those present.
        var others = m.Attendees.Where(a => a.UserId != m.Chair.UserId).ToList();
        List<string> With(Attendance? attendance) => [.. others.Where(a => a.Attendance == attendance).Select(a => a.Name)];
        return new DecisionListView(
            m.Id,
            m.Title,
            m.ScheduledAt,
            m.Closed,
            [.. m.Agenda.Select(i => new DecisionListItem(i.Reference, i.Status, i.Forms, i.Routes))],
            m.Chair.Name,
            With(Attendance.Present),
            With(Attendance.Excused),
            With(Attendance.Absent),
            With(null));
    }
}
