using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.CaseTable;

/// <summary>One member's contribution to the weighing of a signal; <see cref="Mine"/> when the reader wrote it (and may change it).</summary>
public sealed record ContributionView(Guid Id, string AuthorId, string AuthorName, string Text, DateTimeOffset ChangedAt, Guid Version, bool Mine);

/// <summary>A signal on a meeting's agenda, with the meeting (and its invitees) that decide who may read and write contributions to it.</summary>
internal sealed record ContributionTarget(CaseTableMeeting Meeting, Guid SignalId, string Reference, SignalStatus Status);

/// <summary>
/// ListContributions: the contributions to the weighing of one signal on a meeting's agenda, for the chair and the
/// invitees who take part in the meeting (<see cref="ReadContributionsRequirement"/>); anyone else gets a 404. Every
/// read is audited under the signal's reference: the contributions are personal content of the signal.
/// </summary>
public static class ListContributions
{
    public const string AuditAction = "signal.contributions.read";

    public static async Task<IReadOnlyList<ContributionView>?> HandleAsync(
        MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, ClaimsPrincipal user, Guid meetingId, Guid signalId, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(db, meetingId, signalId, cancellationToken);
        if (target is null || !(await authorization.AuthorizeAsync(user, target.Meeting, new ReadContributionsRequirement())).Succeeded)
        {
            await audit.RecordAsync(new AuditEntry(AuditAction, AuditOutcome.Denied, "signal", target?.Reference ?? signalId.ToString(), "contribution"), cancellationToken);
            return null;
        }

        var list = (await ReadAsync(db, audit, user, meetingId, new Dictionary<Guid, string> { [signalId] = target.Reference }, always: true, cancellationToken))[signalId];
        return list;
    }

    /// <summary>
    /// The contributions to the given signals of a meeting whose reader the caller checked, oldest first, per signal
    /// (every signal asked for has a list). Audited per signal read: with <paramref name="always"/> also when it has none.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ContributionView>>> ReadAsync(
        MeldrouteDbContext db, AuditTrail audit, ClaimsPrincipal user, Guid meetingId, IReadOnlyDictionary<Guid, string> references, bool always, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var signalIds = references.Keys.ToList();
        var rows = await db.MeetingContributions.AsNoTracking().Where(c => c.MeetingId == meetingId && signalIds.Contains(c.SignalId)).ToListAsync(cancellationToken);
        var authors = rows.Select(r => r.AuthorId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => authors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var result = new Dictionary<Guid, IReadOnlyList<ContributionView>>();
        foreach (var (signalId, reference) in references)
        {
            var views = rows.Where(r => r.SignalId == signalId).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
                .Select(r => new ContributionView(r.Id, r.AuthorId, names.GetValueOrDefault(r.AuthorId, "—"), r.Text, r.ChangedAt, r.Version, r.AuthorId == userId))
                .ToList();
            if (always || views.Count > 0)
            {
                await audit.RecordAsync(new AuditEntry(AuditAction, AuditOutcome.Success, "signal", reference, "contribution"), cancellationToken);
            }

            result[signalId] = views;
        }

        return result;
    }

    /// <summary>The signal on the meeting's agenda, with the meeting and its invitees tracked (for a change); null when either is missing or the signal is not on its agenda.</summary>
    internal static async Task<ContributionTarget?> TargetAsync(MeldrouteDbContext db, Guid meetingId, Guid signalId, CancellationToken cancellationToken)
    {
        var signal = await (from a in db.AgendaItems
                            join s in db.Signals on a.SignalId equals s.Id
                            where a.MeetingId == meetingId && a.SignalId == signalId
                            select new { s.Reference, s.Status }).SingleOrDefaultAsync(cancellationToken);
        if (signal is null)
        {
            return null;
        }

        var meeting = await db.CaseTableMeetings.Include(m => m.Attendees).SingleAsync(m => m.Id == meetingId, cancellationToken);
        return new ContributionTarget(meeting, signalId, signal.Reference, signal.Status);
    }
}
