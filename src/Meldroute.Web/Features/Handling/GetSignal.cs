using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.CaseTable;
using Meldroute.Web.Features.Forwarding;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.Handling;

public sealed record PersonView(PersonRole Role, string? Name, string? Age, Minor Minor, string? Nationality, string? Language, string? Contact);

public sealed record TimelineView(DateTimeOffset At, SignalStatus From, SignalStatus To, TransitionKind Kind);

/// <summary>
/// A decided route: its partners, the hand-over summary and the categories its sheet carries, the recipient its
/// balancing named, what is still to do (<see cref="StepsToGo"/>), the link given out, and how it was handed over.
/// </summary>
public sealed record RouteView(
    Guid Id,
    Route Route,
    IReadOnlyList<int> PartnerIds,
    bool IndividualCaseMeetingRequested,
    string? Reason,
    DateTimeOffset DecidedAt,
    DateTimeOffset? ForwardedAt,
    ForwardingChannel? Channel,
    int? ForwardedToPartnerId,
    string? HandoverSummary,
    IReadOnlyList<HandoverData> DataCategories,
    int? RecipientPartnerId,
    IReadOnlyList<RouteStep> StepsToGo,
    HandoverLinkView? Link);

/// <summary>The route's latest link: until when it works, how often it was opened, and who confirmed receipt. Never the token.</summary>
public sealed record HandoverLinkView(DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, bool Usable, int Openings, DateTimeOffset? ReceivedAt, string? ReceivedByName, string? ReceivedByOrganisation);

public sealed record BalancingView(
    DateTimeOffset RecordedAt, Guid? RouteId, int? RecipientPartnerId, IReadOnlyList<HandoverData> Categories, string? WideningReason,
    string? WeighedBy, string? Purpose, string? Necessity, string? Proportionality, string? Subsidiarity, bool SharingJustified, string? Outcome);

/// <summary>An attachment's description; the content is fetched on its own (GetSignalAttachment).</summary>
public sealed record AttachmentView(Guid Id, string? FileName, string ContentType, long Size);

public sealed record AgendaView(Guid MeetingId, string? MeetingTitle, DateTimeOffset ScheduledAt, bool MeetingClosed, string? Assessment);

/// <summary>Everything about a signal that the viewer may see. Personal parts are null once purged.</summary>
public sealed record SignalDetail(
    Guid Id,
    string Reference,
    SignalStatus Status,
    Guid Version,
    SignalSource Source,
    string? SourceDetail,
    int? DepartmentId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset LastChangedAt,
    bool AcuteDanger,
    string? Description,
    DateOnly? ObservedOn,
    LocationType LocationType,
    string? LocationOther,
    string? LocationDetail,
    IReadOnlyList<ExploitationForms> Forms,
    IReadOnlyList<string> IndicatorCodes,
    IReadOnlyList<ExploitationForms> ClassifiedForms,
    Urgency Urgency,
    IReadOnlyList<string> ConfirmedIndicatorCodes,
    string? AnalysisNotes,
    string? DecisionReason,
    string? ClosureCode,
    FeedbackMessage? Feedback,
    IReadOnlyList<PersonView> People,
    IReadOnlyList<TimelineView> Timeline,
    IReadOnlyList<AgendaView> Agenda,
    IReadOnlyList<RouteView> Routes,
    IReadOnlyList<BalancingView> Balancing,
    IReadOnlyList<AttachmentView> Attachments,
    SignalDeletionReceipt? DeletionReceipt,
    string? NoYouthCareReason)
{
    /// <summary>The officer who took the signal (behandelaar), or null.</summary>
    public string? AssignedOfficerId { get; init; }

    /// <summary>What is needed now, why a step is blocked, and where each step of the procedure stands (<see cref="SignalNextAction"/>).</summary>
    public required NextActionView NextAction { get; init; }
}

/// <summary>GetSignal: a signal's full view for those who may read it; every read is audited with its purpose.</summary>
public static class GetSignal
{
    public static async Task<SignalDetail?> HandleAsync(
        MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, IStringLocalizer t, ClaimsPrincipal user, Guid id, string purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var signal = await Signal.LoadAsync(db, id, cancellationToken);
        if (signal is null || !(await authorization.AuthorizeAsync(user, signal, new ReadSignalRequirement())).Succeeded)
        {
            await audit.RecordAsync(new AuditEntry("signal.read", AuditOutcome.Denied, "signal", signal?.Reference ?? id.ToString(), signal is null ? "not-found" : "no-need-to-know"), cancellationToken);
            return null;
        }

        var agenda = await (from a in db.AgendaItems
                            join m in db.CaseTableMeetings on a.MeetingId equals m.Id
                            where a.SignalId == id
                            select new AgendaView(m.Id, CaseTableMeeting.TitleOrNull(m.Title), m.ScheduledAt, m.ClosedAt != null, a.Assessment)).ToListAsync(cancellationToken);
        var routes = await db.DecisionRoutes.AsNoTracking().Where(r => r.SignalId == id).ToListAsync(cancellationToken);
        var balancing = await db.BalancingOfInterests.AsNoTracking().Where(b => b.SignalId == id).ToListAsync(cancellationToken);
        var links = await db.HandoverLinks.AsNoTracking().Where(l => l.SignalId == id).ToListAsync(cancellationToken);
        HandoverLinkView? LinkOf(DecisionRoute route) => links.Where(l => l.RouteId == route.Id).MaxBy(l => l.IssuedAt.UtcTicks) is { } l
            ? new HandoverLinkView(l.IssuedAt, l.ExpiresAt, HandoverLinks.StateOf(l, route, now) == HandoverLinkState.Usable, l.Openings, l.ReceivedAt, l.ReceivedByName, l.ReceivedByOrganisation)
            : null;
        // Without the content: a page view should not decrypt megabytes it does not show.
        var attachments = await db.SignalAttachments.AsNoTracking().Where(a => a.SignalId == id).OrderBy(a => a.SortOrder)
            .Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size)).ToListAsync(cancellationToken);
        // Only asked while it decides the next action: a signal in analysis goes on the agenda of an open meeting.
        var anyMeetingOpen = signal.Status == SignalStatus.InAnalysis && await db.CaseTableMeetings.AnyAsync(m => m.ClosedAt == null, cancellationToken);
        await audit.RecordAsync(new AuditEntry("signal.read", AuditOutcome.Success, "signal", signal.Reference, purpose), cancellationToken);

        List<RouteView> routeViews = [.. routes.OrderBy(r => r.Route).Select(r => new RouteView(
            r.Id, r.Route, r.PartnerIdList, r.IndividualCaseMeetingRequested, r.Reason, r.DecidedAt, r.ForwardedAt, r.Channel, r.ForwardedToPartnerId,
            r.HandoverSummary, HandoverRules.Split(r.DataCategories), r.RecipientPartnerId, r.StepsToGo, LinkOf(r)))];
        List<BalancingView> balancingViews = [.. balancing.OrderBy(b => b.RecordedAt.UtcTicks).Select(b => new BalancingView(
            b.RecordedAt, b.RouteId, b.RecipientPartnerId, HandoverRules.Split(b.Categories), b.WideningReason,
            b.WeighedBy, b.Purpose, b.Necessity, b.Proportionality, b.Subsidiarity, b.SharingJustified, b.Outcome))];
        var progress = NextActionView.ProgressOf(signal.Status, signal.OnAgendaAt is not null || agenda.Count > 0, anyMeetingOpen, routeViews, balancingViews, signal.Feedback);

        return new SignalDetail(
            signal.Id, signal.Reference, signal.Status, signal.Version, signal.Source, signal.SourceDetail, signal.DepartmentId,
            signal.ReceivedAt, signal.LastChangedAt, signal.AcuteDanger, signal.Description, signal.ObservedOn, signal.LocationType,
            signal.LocationOther, signal.LocationDetail, ExploitationFormSet.Split(signal.Forms), signal.IndicatorCodeList, ExploitationFormSet.Split(signal.ClassifiedForms), signal.Urgency,
            signal.ConfirmedIndicatorCodeList, signal.AnalysisNotes, signal.DecisionReason, signal.ClosureCode, signal.Feedback,
            [.. signal.People.OrderBy(p => p.SortOrder).Select(p => new PersonView(p.Role, p.NameOrDescription, p.Age, p.Minor, p.Nationality, p.Language, p.ContactDetails))],
            [.. signal.Timeline.OrderBy(t => t.Id).Select(t => new TimelineView(t.At, t.From, t.To, t.Kind))],
            [.. agenda.OrderBy(a => a.ScheduledAt.UtcTicks)],
            routeViews,
            balancingViews,
            attachments,
            signal.DeletionReceipt,
            signal.NoYouthCareReason)
        {
            AssignedOfficerId = signal.AssignedOfficerId,
            NextAction = NextActionView.Describe(SignalNextAction.For(progress), t),
        };
    }
}
