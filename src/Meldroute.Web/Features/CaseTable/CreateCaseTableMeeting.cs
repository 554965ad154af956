using System.Security.Claims;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.CaseTable;

public sealed class CreateMeetingRequest
{
    public string? Title { get; set; }

    public DateTimeOffset? ScheduledAt { get; set; }

    /// <summary>User ids of case-table members and specialist officers who attend.</summary>
    public List<string> AttendeeIds { get; set; } = [];

    /// <summary>Who chairs it: an officer or one of the members invited; left out, the officer who plans it.</summary>
    public string? ChairId { get; set; }
}

/// <summary>Who may attend a meeting, with their name; officers may also chair it without being invited.</summary>
public sealed record EligibleAttendee(string Name, bool IsOfficer);

public sealed record MeetingCreated(Guid Id, string Title, DateTimeOffset ScheduledAt);

/// <summary>CreateCaseTableMeeting: an officer plans a case-table meeting with its attendees and its chair.</summary>
public static class CreateCaseTableMeeting
{
    public static async Task<Outcome<MeetingCreated>> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, IStringLocalizer t, ClaimsPrincipal user, CreateMeetingRequest r, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TextRules.Check(errors, nameof(r.Title), r.Title, 200, t, required: true);
        if (r.ScheduledAt is null)
        {
            errors[nameof(r.ScheduledAt)] = [t["Meeting_DateRequired"]];
        }

        var attendees = r.AttendeeIds.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.Ordinal).ToList();
        var eligible = await EligibleAttendeesAsync(db, cancellationToken);
        if (attendees.Count == 0)
        {
            errors[nameof(r.AttendeeIds)] = [t["Meeting_AttendeesRequired"]];
        }
        else if (attendees.Any(a => !eligible.ContainsKey(a)))
        {
            errors[nameof(r.AttendeeIds)] = [t["Meeting_AttendeeNotEligible"]];
        }

        var creator = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var chairId = string.IsNullOrWhiteSpace(r.ChairId) ? creator : r.ChairId;
        if (!eligible.TryGetValue(chairId, out var chair) || !(chair.IsOfficer || attendees.Contains(chairId)))
        {
            errors[nameof(r.ChairId)] = [t["Meeting_ChairNotInvited"]];
        }

        if (errors.Count > 0)
        {
            return Outcome<MeetingCreated>.Invalid(errors);
        }

        var meeting = new CaseTableMeeting
        {
            Title = TextRules.Clean(r.Title)!,
            ScheduledAt = r.ScheduledAt!.Value.ToUniversalTime(),
            CreatedById = creator,
            ChairId = chairId,
            Attendees = [.. attendees.Select(a => new MeetingAttendee { UserId = a })],
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.CaseTableMeetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("meeting.created", AuditOutcome.Success, "meeting", meeting.Id.ToString()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<MeetingCreated>.Ok(new MeetingCreated(meeting.Id, meeting.Title, meeting.ScheduledAt));
    }

    /// <summary>Who may attend: case-table members and specialist officers, by id with their display name.</summary>
    public static async Task<Dictionary<string, EligibleAttendee>> EligibleAttendeesAsync(MeldrouteDbContext db, CancellationToken cancellationToken) =>
        (await (from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join role in db.Roles on ur.RoleId equals role.Id
                where role.Name == Roles.CaseTableMember || role.Name == Roles.SpecialistOfficer
                select new { u.Id, u.DisplayName, Officer = role.Name == Roles.SpecialistOfficer }).ToListAsync(cancellationToken))
        .GroupBy(x => x.Id)
        .ToDictionary(g => g.Key, g => new EligibleAttendee(g.First().DisplayName, g.Any(x => x.Officer)));
}
