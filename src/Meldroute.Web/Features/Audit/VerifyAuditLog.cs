namespace Meldroute.Web.Features.Audit;

/// <summary>
/// VerifyAuditLog: whether the hash chain of the audit log is intact, and where it breaks if not; then whether it still
/// reaches this instance's latest anchor outside the database with the anchored hash (not truncated, tail not rewritten).
/// </summary>
public static class VerifyAuditLog
{
    public static async Task<AuditVerification> HandleAsync(AuditTrail audit, AuditAnchor anchor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(anchor);
        return await anchor.VerifyAsync(await audit.VerifyAsync(cancellationToken), cancellationToken);
    }
}
