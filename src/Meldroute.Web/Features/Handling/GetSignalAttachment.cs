using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.Handling;

/// <summary>An attachment's bytes as they may leave the app: always as a download, under a type that no browser renders as a page.</summary>
public sealed record AttachmentFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// GetSignalAttachment: one attachment of a signal (a file that came with a message in the reporting mailbox), for
/// whoever may read the signal. Every read is audited under the signal's reference.
/// </summary>
public static class GetSignalAttachment
{
    /// <summary>Types a browser shows safely; anything else (HTML, SVG, scripts) is served as plain bytes so that a file sent in by anyone can never run in Meldroute's origin.</summary>
    /// <summary>The content types an attachment is served as (any other as application/octet-stream).</summary>
    public static readonly HashSet<string> InertTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain",
        "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    public static async Task<AttachmentFile?> HandleAsync(
        MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, ClaimsPrincipal user, Guid signalId, Guid attachmentId, CancellationToken cancellationToken)
    {
        var signal = await Signal.LoadAsync(db, signalId, cancellationToken);
        if (signal is null || !(await authorization.AuthorizeAsync(user, signal, new ReadSignalRequirement())).Succeeded)
        {
            await audit.RecordAsync(new AuditEntry("signal.attachment.read", AuditOutcome.Denied, "signal", signal?.Reference ?? signalId.ToString(), signal is null ? "not-found" : "no-need-to-know"), cancellationToken);
            return null;
        }

        var attachment = await db.SignalAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.SignalId == signalId, cancellationToken);
        if (attachment?.Content is null)
        {
            return null;
        }

        await audit.RecordAsync(new AuditEntry("signal.attachment.read", AuditOutcome.Success, "signal", signal.Reference, "handling"), cancellationToken);
        var type = InertTypes.Contains(attachment.ContentType) ? attachment.ContentType : "application/octet-stream";
        return new AttachmentFile(attachment.Content, type, string.IsNullOrWhiteSpace(attachment.FileName) ? "bijlage" : attachment.FileName);
    }
}
