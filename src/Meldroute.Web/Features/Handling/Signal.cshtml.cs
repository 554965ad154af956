using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Meldroute.Web.Features.Handling;

/// <summary>
/// A signal's page (GetSignal) with the handling steps' posts: analysis, closing, feedback. Case-table members see it
/// read-only while it is on an agenda of a meeting they attend.
/// </summary>
[Authorize(Policy = Policies.SignalReader)]
public sealed class SignalModel(MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, SignalChanges commands)
    : SignalPageModel(db, authorization, audit, commands)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>An attachment as a download (GetSignalAttachment), with the same need-to-know check and audit as the API.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(Guid attachmentId, CancellationToken cancellationToken) =>
        await GetSignalAttachment.HandleAsync(Db, Authorization, Audit, User, Id, attachmentId, cancellationToken) is { } file
            ? File(file.Content, file.ContentType, file.FileName)
            : NotFound();

    public Task<IActionResult> OnPostAnalysisAsync(CancellationToken ct) =>
        RunAsync(nameof(Analysis), () => RecordAnalysis.HandleAsync(Commands, User, Id, WithVersion(Analysis), ct), ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        RunAsync(nameof(Close), () => CloseSignal.HandleAsync(Commands, User, Id, WithVersion(Close), ct), ct);

    public Task<IActionResult> OnPostFeedbackAsync(CancellationToken ct) =>
        RunAsync(nameof(Feedback), () => GiveFeedback.HandleAsync(Commands, User, Id, WithVersion(Feedback), ct), ct);
}
