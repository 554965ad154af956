using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.CaseTable;

/// <summary>A meeting: its agenda and the printable list of decisions (besluitenlijst) — references, forms and routes, never names.</summary>
[Authorize(Policy = Policies.SignalReader)]
public sealed class MeetingModel(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock) : PageModel
{
    public DecisionListView Meeting { get; private set; } = null!;

    public IReadOnlyDictionary<string, Guid> SignalIds { get; private set; } = new Dictionary<string, Guid>();

    public bool IsOfficer => User.IsInRole(Roles.SpecialistOfficer);

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

    /// <summary>Closing ends the attendees' access to the signals of its agenda.</summary>
    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsOfficer)
        {
            return Forbid();
        }

        var meeting = await db.CaseTableMeetings.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        meeting.ClosedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("meeting.closed", AuditOutcome.Success, "meeting", id.ToString()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectToPage(new { id });
    }
}
