using System.Globalization;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Handling;

/// <summary>
/// A signal's page (GetSignal) with the handling steps' posts: analysis, closing, feedback. Case-table members see it
/// read-only while it is on an agenda of a meeting they attend.
/// </summary>
[Authorize(Policy = Policies.SignalReader)]
public sealed class SignalModel(MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, SignalChanges commands, IOptions<RetentionOptions> retention)
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

    /// <summary>Closing is for good: the first post shows what will happen, the confirmed one closes (issue 16).</summary>
    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        RunConfirmedAsync(nameof(Close), s => CloseSignal.Check(s.Status, Close, Commands.T), ClosingConfirmation, () => CloseSignal.HandleAsync(Commands, User, Id, WithVersion(Close), ct), ct);

    private ConfirmStep ClosingConfirmation(SignalDetail s)
    {
        var t = Commands.T;
        var closing = CloseSignal.Preview(s.Status, s.Feedback, s.DeletionReceipt?.PurgedAt, Commands.Now, retention.Value);
        var withoutAction = closing.To == SignalStatus.ClosedWithoutAction;
        var reason = TextRules.Clean(Close.Reason);
        List<string> consequences = [t["CloseConfirm_Status", t["Status_" + closing.To]]];
        if (withoutAction && reason is not null)
        {
            consequences.Add(t["CloseConfirm_Reason", reason]);
        }

        consequences.Add(t["CloseConfirm_Reporter", t["ReporterStatus_" + closing.ReporterSees]]);
        consequences.Add(closing.Feedback is { } feedback ? t["CloseConfirm_FeedbackGiven", t["Feedback_" + feedback]] : t["CloseConfirm_FeedbackLater", t["Feedback_Title"]]);
        consequences.Add(closing switch
        {
            { PurgedAt: { } purged } => t["CloseConfirm_AlreadyPurged", purged.ToLocalTime().ToString("d", CultureInfo.CurrentCulture)],
            { PurgeDueAt: { } due } => t["CloseConfirm_PurgeDue", retention.Value.ClosedWithoutActionMonths, due.ToLocalTime().ToString("d", CultureInfo.CurrentCulture)],
            _ => t["CloseConfirm_NoPurge"],
        });
        return new ConfirmStep(
            "confirm-close",
            t[withoutAction ? "CloseConfirm_WithoutActionTitle" : "CloseConfirm_Title", s.Reference],
            consequences,
            "/Handling/Signal",
            "Close",
            new Dictionary<string, string> { ["id"] = Id.ToString() },
            withoutAction ? [new("Version", Version?.ToString()), new("Close.Reason", Close.Reason)] : [new("Version", Version?.ToString())],
            t[withoutAction ? "CloseConfirm_WithoutActionSubmit" : "CloseConfirm_Submit"],
            Url.Page("/Handling/Signal", null, new { id = Id }, null, null, "close-body") ?? "",
            HeadingLevel: 3);
    }

    /// <summary>The officer takes the signal (TakeSignal): becomes its behandelaar.</summary>
    public Task<IActionResult> OnPostTakeAsync(CancellationToken ct) =>
        RunAsync("Take", () => TakeSignal.HandleAsync(Commands, User, Id, new TakeSignalRequest { Version = Version }, ct), ct);

    public Task<IActionResult> OnPostFeedbackAsync(CancellationToken ct) =>
        RunAsync(nameof(Feedback), () => GiveFeedback.HandleAsync(Commands, User, Id, WithVersion(Feedback), ct), ct);
}
