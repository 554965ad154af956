using System.Security.Claims;
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

/// <summary>The case table's meetings: officers see all and plan new ones; members see the meetings they attend.</summary>
[Authorize(Policy = Policies.SignalReader)]
public sealed class IndexModel(MeldrouteDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public CreateMeetingRequest Input { get; set; } = new();

    public IReadOnlyList<(CaseTableMeeting Meeting, int Items)> Meetings { get; private set; } = [];

    public IReadOnlyDictionary<string, EligibleAttendee> Eligible { get; private set; } = new Dictionary<string, EligibleAttendee>();

    public bool IsOfficer => User.IsInRole(Roles.SpecialistOfficer);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!IsOfficer)
        {
            return Forbid();
        }

        ModelState.Clear();
        var outcome = await CreateCaseTableMeeting.HandleAsync(db, audit, t, User, Input, cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            return RedirectToPage("./Meeting", new { id = outcome.Value!.Id });
        }

        outcome.Errors?.AddTo(ModelState, nameof(Input));
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var query = db.CaseTableMeetings.AsNoTracking();
        if (!IsOfficer)
        {
            query = query.Where(m => m.Attendees.Any(a => a.UserId == userId));
        }

        var meetings = await query.Select(m => new { Meeting = m, Items = m.Agenda.Count }).ToListAsync(cancellationToken);
        Meetings = [.. meetings.OrderByDescending(m => m.Meeting.ScheduledAt.UtcTicks).Select(m => (m.Meeting, m.Items))];
        Eligible = IsOfficer ? await CreateCaseTableMeeting.EligibleAttendeesAsync(db, cancellationToken) : new Dictionary<string, EligibleAttendee>();
    }

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);
}
