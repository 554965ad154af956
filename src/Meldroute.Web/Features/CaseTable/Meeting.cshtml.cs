using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.CaseTable;

/// <summary>What a contribution's form posts: the signal it is about, and for a change of one's own the contribution and its version.</summary>
public sealed class ContributionInput
{
    public Guid SignalId { get; set; }

    public Guid? ContributionId { get; set; }

    public Guid? Version { get; set; }

    public string? Text { get; set; }
}

/// <summary>
/// The case table as a meeting: date and chair; attendance, recorded by the chair; the agenda in order, each signal with
/// its decision, the contributions of those present (for the attendees and the officers) and, for the chair, the way
/// to record the decision; the minutes (besluitenlijst) to download as a PDF; closing, for officers.
/// </summary>
[Authorize(Policy = Policies.SignalReader)]
public sealed class MeetingModel(MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, AggregateChanges changes, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;

    /// <summary>Per signal on the agenda, the contributions the user may read (empty when they may read none).</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<ContributionView>> Contributions { get; private set; } = new Dictionary<Guid, IReadOnlyList<ContributionView>>();

    /// <summary>Who an officer may give the chair to.</summary>
    public IReadOnlyDictionary<string, EligibleAttendee> Eligible { get; private set; } = new Dictionary<string, EligibleAttendee>();

    public bool IsOfficer => User.IsInRole(Roles.SpecialistOfficer);

    public bool IsChair { get; private set; }

    /// <summary>Reads the signals of the agenda and the contributions to them (officers, and invitees who take part while it is open).</summary>
    public bool MayReadContributions { get; private set; }

    /// <summary>Present in the open meeting: may add and change their own contribution.</summary>
    public bool MayContribute { get; private set; }

    [BindProperty]
    public RecordAttendanceRequest Presence { get; set; } = new();

    [BindProperty]
    public SetMeetingChairRequest Chair { get; set; } = new();

    [BindProperty]
    public ContributionInput Contribution { get; set; } = new();

    /// <summary>A refused change (a concurrent edit, a closed meeting, a decided signal), shown at the top of the page.</summary>
    public string? Conflict { get; private set; }

    /// <summary>Which form failed ("Presence", "Chair", "Contribution"), so that it shows what the user typed.</summary>
    public string? Failed { get; private set; }

    /// <summary>What was just saved ("Presence", "Chair", "Contribution"), for the message after the redirect.</summary>
    public string? Done { get; private set; }

    /// <summary>Set on the post from the confirmation panel: only then is the meeting closed.</summary>
    [BindProperty(Name = ConfirmStep.ConfirmField)]
    public bool Confirmed { get; set; }

    /// <summary>The confirmation closing asks for, shown instead of the close button.</summary>
    public ConfirmStep? Confirming { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    /// <summary>GetMinutes from the page: the list of decisions as a PDF.</summary>
    public async Task<IActionResult> OnGetMinutesAsync(Guid id, CancellationToken cancellationToken) =>
        await DecisionList.MinutesAsync(db, authorization, audit, User, id, cancellationToken) is { } minutes
            ? File(MinutesPdf.Render(minutes, t), "application/pdf", MinutesPdf.FileName(minutes))
            : NotFound();

    /// <summary>RecordAttendance: the chair's form; an invitee left without a choice stays "not recorded".</summary>
    public async Task<IActionResult> OnPostPresenceAsync(Guid id, CancellationToken cancellationToken) =>
        await RunAsync(id, nameof(Presence), await RecordAttendance.HandleAsync(changes, User, id, Presence, cancellationToken), cancellationToken);

    /// <summary>SetMeetingChair: an officer gives the chair to someone else.</summary>
    public async Task<IActionResult> OnPostChairAsync(Guid id, CancellationToken cancellationToken) =>
        await RunAsync(id, nameof(Chair), await SetMeetingChair.HandleAsync(changes, User, id, Chair, cancellationToken), cancellationToken);

    /// <summary>AddContribution, or SaveContribution for one's own contribution already there.</summary>
    public async Task<IActionResult> OnPostContributionAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = Contribution.ContributionId is { } contributionId
            ? await SaveContribution.HandleAsync(changes, authorization, User, id, contributionId, new SaveContributionRequest { Version = Contribution.Version, Text = Contribution.Text }, cancellationToken)
            : await AddContribution.HandleAsync(changes, authorization, User, id, Contribution.SignalId, new AddContributionRequest { Text = Contribution.Text }, cancellationToken);
        return await RunAsync(id, nameof(Contribution), outcome, cancellationToken, fragment: $"item-{Contribution.SignalId}");
    }

    /// <summary>
    /// Closing ends the attendees' access to the signals of its agenda, for good: the first post shows what will happen
    /// and asks again (issue 16); the confirmed post closes.
    /// </summary>
    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsOfficer)
        {
            return Forbid();
        }

        if (Confirmed)
        {
            return await CloseCaseTableMeeting.HandleAsync(db, audit, clock.GetUtcNow(), id, cancellationToken) ? RedirectToPage(new { id }) : NotFound();
        }

        if (await CloseCaseTableMeeting.PreviewAsync(db, id, cancellationToken) is not { } closing || await ShowAsync(id, cancellationToken) is not PageResult page)
        {
            return NotFound();
        }

        if (!Meeting.Closed)
        {
            Confirming = ClosingConfirmation(id, closing);
        }

        return page;
    }

    /// <summary>Post-redirect-get on success; otherwise the page again with the messages and what the user typed.</summary>
    private async Task<IActionResult> RunAsync<T>(Guid id, string form, Outcome<T> outcome, CancellationToken cancellationToken, string? fragment = null)
    {
        ModelState.Clear();
        return await outcome.ToPageResultAsync(
            this,
            ok: _ => RedirectToPage(null, null, new { id, done = form }, fragment),
            again: async () =>
            {
                Failed = form;
                return await ShowAsync(id, cancellationToken);
            },
            prefix: form,
            conflict: message => Conflict = message);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await GetCaseTableMeeting.OpenAsync(db, authorization, audit, User, id, "meeting.read", cancellationToken) is not { } opened)
        {
            return NotFound();
        }

        var (meeting, view) = opened;
        Meeting = view;
        Done = Request.Query["done"];
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        IsChair = meeting.IsChair(userId);
        MayReadContributions = (await authorization.AuthorizeAsync(User, meeting, new ReadContributionsRequirement())).Succeeded;
        MayContribute = (await authorization.AuthorizeAsync(User, meeting, new ContributeToMeetingRequirement())).Succeeded;
        if (MayReadContributions && view.Agenda.Count > 0)
        {
            Contributions = await ListContributions.ReadAsync(db, audit, User, id, view.Agenda.ToDictionary(a => a.SignalId, a => a.Reference), always: false, cancellationToken);
        }

        if (Failed != nameof(Presence))
        {
            Presence = new RecordAttendanceRequest
            {
                Version = view.Version,
                Attendees = [.. view.Attendees.Select(a => new AttendanceEntry { UserId = a.UserId, Attendance = a.Attendance })],
            };
        }

        if (Failed != nameof(Chair))
        {
            Chair = new SetMeetingChairRequest { Version = view.Version, ChairId = view.Chair.UserId };
        }

        Eligible = IsOfficer && !view.Closed ? await CreateCaseTableMeeting.EligibleAttendeesAsync(db, cancellationToken) : new Dictionary<string, EligibleAttendee>();
        return Page();
    }

    /// <summary>The contribution form of one agenda item: what the user typed after a refused post, else their own contribution as stored.</summary>
    public ContributionInput ContributionFor(MeetingAgendaItem item)
    {
        if (Failed == nameof(Contribution) && Contribution.SignalId == item.SignalId)
        {
            return Contribution;
        }

        var mine = Contributions.GetValueOrDefault(item.SignalId)?.FirstOrDefault(c => c.Mine);
        return new ContributionInput { SignalId = item.SignalId, ContributionId = mine?.Id, Version = mine?.Version, Text = mine?.Text };
    }

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);

    private ConfirmStep ClosingConfirmation(Guid id, MeetingClosing closing)
    {
        List<string> consequences =
        [
            closing.Attendees switch
            {
                0 => t["MeetingClose_NoAttendees"],
                1 => t["MeetingClose_OneAttendee"],
                var n => t["MeetingClose_Attendees", n],
            },
            t["MeetingClose_Agenda"],
            closing switch
            {
                { AgendaItems: 0 } => t["MeetingClose_EmptyAgenda"],
                { Undecided.Count: 0 } => t["MeetingClose_AllDecided"],
                _ => t["MeetingClose_Undecided", string.Join(", ", closing.Undecided), t["Status_OnAgenda"], t["Decision_Record"]],
            },
        ];
        return new ConfirmStep(
            "confirm-meeting-close",
            t["MeetingClose_Title", CaseTableMeeting.DisplayTitle(Meeting.Title, Meeting.ScheduledAt, t)],
            consequences,
            "/CaseTable/Meeting",
            "Close",
            new Dictionary<string, string> { ["id"] = id.ToString() },
            [],
            t["MeetingClose_Submit"],
            Url.Page("/CaseTable/Meeting", new { id }) ?? "");
    }
}
