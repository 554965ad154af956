using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.CaseTable;
using Meldroute.Web.Features.Forwarding;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Handling;

/// <summary>
/// A signal's page (GetSignal): everything submitted, the analysis, the timeline, the case table and the routes, with
/// the officer's actions. Case-table members see it read-only while it is on an agenda of a meeting they attend.
/// </summary>
[Authorize(Policy = Policies.SignalReader)]
public sealed class SignalModel(MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, SignalCommandContext commands) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    [BindProperty]
    public RecordAnalysisRequest Analysis { get; set; } = new();

    [BindProperty]
    public Guid? MeetingId { get; set; }

    [BindProperty]
    public CloseSignalRequest Close { get; set; } = new();

    [BindProperty]
    public BalancingRequest Balancing { get; set; } = new();

    [BindProperty]
    public ConfirmForwardingRequest Confirm { get; set; } = new();

    [BindProperty]
    public GiveFeedbackRequest Feedback { get; set; } = new();

    public SignalDetail Signal { get; private set; } = null!;

    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];

    public IReadOnlyList<CaseTableMeeting> OpenMeetings { get; private set; } = [];

    public IReadOnlyDictionary<int, string> PartnerNames { get; private set; } = new Dictionary<int, string>();

    public bool CanHandle { get; private set; }

    /// <summary>A refused change (illegal move, concurrent edit), shown at the top of the page.</summary>
    public string? Conflict { get; private set; }

    /// <summary>Which form's errors are showing, so that the right section opens.</summary>
    public string? Failed { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>An attachment as a download (GetSignalAttachment), with the same need-to-know check and audit as the API.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(Guid attachmentId, CancellationToken cancellationToken) =>
        await GetSignalAttachment.HandleAsync(db, authorization, audit, User, Id, attachmentId, cancellationToken) is { } file
            ? File(file.Content, file.ContentType, file.FileName)
            : NotFound();

    public Task<IActionResult> OnPostAnalysisAsync(CancellationToken ct) =>
        RunAsync(nameof(Analysis), () => RecordAnalysis.HandleAsync(commands, User, Id, WithVersion(Analysis), ct), ct);

    public Task<IActionResult> OnPostScheduleAsync(CancellationToken ct) =>
        RunAsync(nameof(MeetingId), () => ScheduleSignal.HandleAsync(commands, User, Id, new ScheduleSignalRequest { Version = Version, MeetingId = MeetingId }, ct), ct, prefix: "");

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        RunAsync(nameof(Close), () => CloseSignal.HandleAsync(commands, User, Id, WithVersion(Close), ct), ct);

    public Task<IActionResult> OnPostBalancingAsync(CancellationToken ct) =>
        RunAsync(nameof(Balancing), () => RecordBalancingOfInterests.HandleAsync(commands, User, Id, WithVersion(Balancing), ct), ct);

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken ct) =>
        RunAsync(nameof(Confirm), () => ConfirmForwarding.HandleAsync(commands, User, Id, WithVersion(Confirm), ct), ct);

    public Task<IActionResult> OnPostFeedbackAsync(CancellationToken ct) =>
        RunAsync(nameof(Feedback), () => GiveFeedback.HandleAsync(commands, User, Id, WithVersion(Feedback), ct), ct);

    private T WithVersion<T>(T request)
        where T : IVersionedRequest
    {
        request.Version = Version;
        return request;
    }

    /// <summary>Runs a change; on success back to the page (post-redirect-get), otherwise the page again with the user's input and the messages.</summary>
    private async Task<IActionResult> RunAsync(string form, Func<Task<Outcome<SignalChanged>>> change, CancellationToken cancellationToken, string? prefix = null)
    {
        ModelState.Clear();
        var outcome = await change();
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return RedirectToPage(new { id = Id, done = form });
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Invalid:
                outcome.Errors!.AddTo(ModelState, prefix ?? form);
                Failed = form;
                break;
            default:
                Conflict = outcome.Message;
                Failed = form;
                break;
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var detail = await GetSignal.HandleAsync(db, authorization, audit, User, Id, "handling", cancellationToken);
        if (detail is null)
        {
            return false;
        }

        Signal = detail;
        Done = Request.Query["done"];
        Version ??= detail.Version;
        if (Failed is null)
        {
            // The forms start from what is stored; after a failed post they keep what the user typed.
            Version = detail.Version;
            Analysis = new RecordAnalysisRequest
            {
                ClassifiedForms = [.. Enum.GetValues<ExploitationForms>().Where(f => f != ExploitationForms.None && (detail.ClassifiedForms == ExploitationForms.None ? detail.Forms : detail.ClassifiedForms).HasFlag(f))],
                Urgency = detail.Urgency,
                ConfirmedIndicatorCodes = [.. detail.ConfirmedIndicatorCodes.Count > 0 ? detail.ConfirmedIndicatorCodes : detail.IndicatorCodes],
                Notes = detail.AnalysisNotes,
            };
        }

        CanHandle = (await authorization.AuthorizeAsync(User, Policies.SpecialistOfficer)).Succeeded;
        Indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Code).ToListAsync(cancellationToken);
        OpenMeetings = CanHandle ? await db.CaseTableMeetings.AsNoTracking().Where(m => m.ClosedAt == null).OrderBy(m => m.Title).ToListAsync(cancellationToken) : [];
        PartnerNames = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return true;
    }

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);
}
