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

/// <summary>
/// The case table's meetings: officers see all and plan new ones; members see the meetings they attend. Latest date
/// first, a page at a time from the index on (municipality, date, id) (keyset pagination, <see cref="PageCursor"/>).
/// </summary>
[Authorize(Policy = Policies.SignalReader)]
public sealed class IndexModel(MeldrouteDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public CreateMeetingRequest Input { get; set; } = new();

    public const int PageSize = 25;

    private const string Kind = "meetings";

    /// <summary>Where the page starts (<see cref="PageCursor"/>); an unreadable one shows the first page.</summary>
    [BindProperty(SupportsGet = true, Name = PageCursor.Parameter)]
    public string? Cursor { get; set; }

    public KeysetPage<(CaseTableMeeting Meeting, int Items)> Meetings { get; private set; } = new([], null, null) { IsFirst = true };

    public Pager Pager => new("/CaseTable/Index", Meetings.Previous, Meetings.Next, new Dictionary<string, string?>()) { PastFirst = !Meetings.IsFirst };

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

        if (!PageCursor.TryDecode(Cursor, Kind, 2, out var cursor) || (cursor is not null && !(cursor.TryInstant(0, out _) && cursor.TryGuid(1, out _))))
        {
            cursor = null;
        }

        Meetings = await KeysetPage<(CaseTableMeeting Meeting, int Items)>.ReadAsync(cursor, PageSize, (at, count) => ReadAsync(query, at, count, cancellationToken),
            (m, before) => new PageCursor(Kind, before, [PageCursor.Of(m.Meeting.ScheduledAt), PageCursor.Of(m.Meeting.Id)]));
        Eligible = IsOfficer ? await CreateCaseTableMeeting.EligibleAttendeesAsync(db, cancellationToken) : new Dictionary<string, EligibleAttendee>();
    }

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);

    /// <summary>Latest date first from the cursor on; a backward read (toward later dates) earliest first.</summary>
    private static async Task<List<(CaseTableMeeting Meeting, int Items)>> ReadAsync(IQueryable<CaseTableMeeting> query, PageCursor? cursor, int count, CancellationToken cancellationToken)
    {
        var backward = cursor?.Backward == true;
        if (cursor is not null)
        {
            cursor.TryInstant(0, out var at);
            cursor.TryGuid(1, out var id);
            query = backward
                ? query.Where(m => m.ScheduledAt >= at && (m.ScheduledAt > at || m.Id.CompareTo(id) > 0))
                : query.Where(m => m.ScheduledAt <= at && (m.ScheduledAt < at || m.Id.CompareTo(id) < 0));
        }

        query = backward ? query.OrderBy(m => m.ScheduledAt).ThenBy(m => m.Id) : query.OrderByDescending(m => m.ScheduledAt).ThenByDescending(m => m.Id);
        var rows = await query.Take(count).Select(m => new { Meeting = m, Items = m.Agenda.Count }).ToListAsync(cancellationToken);
        return [.. rows.Select(m => (m.Meeting, m.Items))];
    }
}
