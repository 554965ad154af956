using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.CaseTable;

/// <summary>A meeting: its agenda and the printable list of decisions (besluitenlijst) — references, forms and routes, never names.</summary>
[Authorize(Policy = Policies.SignalReader)]
public sealed class MeetingModel(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public DecisionListView Meeting { get; private set; } = null!;

    public IReadOnlyDictionary<string, Guid> SignalIds { get; private set; } = new Dictionary<string, Guid>();

    public bool IsOfficer => User.IsInRole(Roles.SpecialistOfficer);

    /// <summary>Set on the post from the confirmation panel: only then is the meeting closed.</summary>
    [BindProperty(Name = ConfirmStep.ConfirmField)]
    public bool Confirmed { get; set; }

    /// <summary>The confirmation closing asks for, shown instead of the close button.</summary>
    public ConfirmStep? Confirming { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await DecisionList.HandleAsync(db, audit, User, id, cancellationToken) is not { } meeting)
        {
            return NotFound();
        }

        Meeting = meeting;
        var references = meeting.Items.Select(i => i.Reference).ToList();
        SignalIds = await db.Signals.AsNoTracking().Where(s => references.Contains(s.Reference)).ToDictionaryAsync(s => s.Reference, s => s.Id, cancellationToken);
        return Page();
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

        if (await CloseCaseTableMeeting.PreviewAsync(db, id, cancellationToken) is not { } closing || await OnGetAsync(id, cancellationToken) is not PageResult page)
        {
            return NotFound();
        }

        if (!Meeting.Closed)
        {
            Confirming = ClosingConfirmation(id, closing);
        }

        return page;
    }

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
