using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Meldroute.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Audit;

/// <summary>
/// The privacy officer's view of the audit log: the chain verification (as `audit verify`), a search by user, object,
/// action and period (newest first; "who has seen this signal" is a search on its reference), and a CSV export.
/// </summary>
[Authorize(Policy = Policies.PrivacyOfficer)]
public sealed class IndexModel(AuditTrail audit, AuditAnchor anchor, MeldrouteDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AuditQuery Query { get; set; } = new();

    public AuditVerification Verification { get; private set; } = AuditVerification.Intact(0);

    public AuditPage Events { get; private set; } = new([], null, 1, SearchAuditLog.PageSize);

    /// <summary>Accounts to search by, shown by e-mail address, chosen by id.</summary>
    public IReadOnlyList<(string Id, string Email)> Accounts { get; private set; } = [];

    public Pager Pager => new("/Audit/Index", Events.Previous, Events.Next, RouteFor(null)) { PastFirst = Events.Page is null, CursorName = "Query.Cursor" };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Unreadable dates in the search are ignored, not an error page.
        ModelState.Clear();
        Verification = await VerifyAuditLog.HandleAsync(audit, anchor, cancellationToken);
        var outcome = await SearchAuditLog.HandleAsync(db, audit, t, Query, cancellationToken);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            // An unreadable cursor shows the first page.
            Query.Cursor = null;
            outcome = await SearchAuditLog.HandleAsync(db, audit, t, Query, cancellationToken);
        }

        Events = outcome.Value!;
        Accounts = [.. (await db.Users.AsNoTracking().Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken)).Select(u => (u.Id, u.Email ?? u.Id)).OrderBy(u => u.Item2, StringComparer.Ordinal)];
        await audit.RecordAsync(new AuditEntry("audit.viewed", AuditOutcome.Success, "audit-log", null, "supervision"), cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var csv = await ExportAuditLog.HandleAsync(db, audit, Query, cancellationToken);
        return File(csv, ExportAuditLog.ContentType, $"auditlog-{Query.From:yyyyMMdd}-{Query.To:yyyyMMdd}.csv");
    }

    public Dictionary<string, string?> RouteFor(string? cursor) => new()
    {
        ["Query.UserId"] = Query.UserId,
        ["Query.Object"] = Query.Object,
        ["Query.Action"] = Query.Action,
        ["Query.From"] = Query.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Query.To"] = Query.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Query.CorrelationId"] = Query.CorrelationId,
        ["Query.Cursor"] = cursor,
    };
}
