using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Audit;

/// <summary>The privacy officer's view of the audit log: the chain verification (as `audit verify`) and the newest events.</summary>
[Authorize(Policy = Policies.PrivacyOfficer)]
public sealed class IndexModel(AuditTrail audit, MeldrouteDbContext db) : PageModel
{
    public const int RecentCount = 50;

    public AuditVerification Verification { get; private set; } = AuditVerification.Intact(0);

    public IReadOnlyList<AuditEvent> Recent { get; private set; } = [];

    public IReadOnlyDictionary<string, string> ActorNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Verification = await audit.VerifyAsync(cancellationToken);
        Recent = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Take(RecentCount).ToListAsync(cancellationToken);
        var actorIds = Recent.Where(e => e.ActorId is not null).Select(e => e.ActorId!).Distinct().ToList();
        ActorNames = await db.Users.Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, cancellationToken);
        await audit.RecordAsync(new AuditEntry("audit.viewed", AuditOutcome.Success, "audit-log", null, "supervision"), cancellationToken);
    }
}
