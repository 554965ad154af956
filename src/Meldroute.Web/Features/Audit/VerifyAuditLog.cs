namespace Meldroute.Web.Features.Audit;

/// <summary>VerifyAuditLog: whether the hash chain of the audit log is intact, and where it breaks if not.</summary>
public static class VerifyAuditLog
{
    public static Task<AuditVerification> HandleAsync(AuditTrail audit, CancellationToken cancellationToken) => audit.VerifyAsync(cancellationToken);
}
