using System.Security.Claims;
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
/// What every page of a signal's procedure shows (the partial _Signal.cshtml): everything submitted, the analysis, the
/// timeline, the case table and the routes, with the officer's forms. Each step's page (Handling/Signal,
/// CaseTable/Schedule, Forwarding/Forward) derives from it and handles its own posts; after a refused post it shows the
/// whole signal again with the user's input and the messages.
/// </summary>
public abstract class SignalPageModel(MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, SignalChanges commands) : PageModel
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

    /// <summary>The meetings of this signal's agenda that the user chairs: where they record the table's decision.</summary>
    public IReadOnlySet<Guid> ChairOf { get; private set; } = new HashSet<Guid>();

    /// <summary>The name of the officer who took the signal (behandelaar), or null.</summary>
    public string? AssignedOfficerName { get; private set; }

    /// <summary>Whether the signed-in officer is the one who took it.</summary>
    public bool AssignedToMe => Signal.AssignedOfficerId is { } id && id == User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>A refused change (illegal move, concurrent edit), shown at the top of the page.</summary>
    public string? Conflict { get; private set; }

    /// <summary>Which form's errors are showing, so that the right section opens.</summary>
    public string? Failed { get; protected set; }

    public string? Done { get; private set; }

    /// <summary>The route a step after the decision was saved for (balancing, confirmation), from the redirect.</summary>
    public Guid? DoneRoute { get; private set; }

    /// <summary>The steps whose success message names what was saved (Saved_{step}); any other value shows no message.</summary>
    private static readonly HashSet<string> NamedSteps = new(StringComparer.Ordinal) { "Analysis", "Close", "Feedback", "MeetingId", "Decision", "Balancing", "Confirm" };

    /// <summary>
    /// The message after a successful step: what was saved, for the signal shown, and for a route's balancing or
    /// confirmation which route; null for a value no step sends.
    /// </summary>
    public string? DoneMessage(Microsoft.Extensions.Localization.IStringLocalizer t) => Done switch
    {
        "Take" => t["Take_Done", Signal.Reference].Value,
        "Balancing" or "Confirm" when Signal.Routes.FirstOrDefault(r => r.Id == DoneRoute) is { } route => t["Saved_" + Done + "Route", Signal.Reference, t["Route_" + route.Route]].Value,
        { } step when NamedSteps.Contains(step) => t["Saved_" + step, Signal.Reference].Value,
        _ => null,
    };

    /// <summary>
    /// Whether a section of the page starts open: the one of the current step, the one whose form has errors or asks
    /// for confirmation, and for readers who cannot handle the signal (case-table members) everything they may read.
    /// </summary>
    public bool Opens(SignalSection section)
    {
        var step = Signal.NextAction.Step;
        var status = Signal.Status;
        return section switch
        {
            _ when !CanHandle => true,
            SignalSection.Reported => step == ProcedureStep.Analysis,
            SignalSection.Analysis => step == ProcedureStep.Analysis || Failed == nameof(Analysis),
            SignalSection.CaseTable => step is ProcedureStep.CaseTable or ProcedureStep.Decision || Failed == nameof(MeetingId),
            SignalSection.Routes => step is ProcedureStep.BalancingOfInterests or ProcedureStep.HandOver
                || Failed is nameof(Balancing) or nameof(Confirm) or "Link" || IssuedLink is not null || (Confirming is { } c && c.Id != "confirm-close"),
            SignalSection.Close => (step == ProcedureStep.Closing && status is SignalStatus.Decided or SignalStatus.Forwarded) || Failed == nameof(Close) || Confirming is { Id: "confirm-close" },
            SignalSection.Feedback => Signal.NextAction.FeedbackOwed || Failed == nameof(Feedback),
            _ => false,
        };
    }

    /// <summary>A link just issued, shown once on this response (the token is not stored, so it cannot be shown again).</summary>
    public HandoverLinkIssued? IssuedLink { get; protected set; }

    public Guid? IssuedLinkRouteId { get; protected set; }

    /// <summary>Set on the post from a confirmation panel (<see cref="ConfirmStep"/>): only then does an irreversible step run.</summary>
    [BindProperty(Name = ConfirmStep.ConfirmField)]
    public bool Confirmed { get; set; }

    /// <summary>The confirmation an irreversible step asks for, shown in its form's section instead of the form.</summary>
    public ConfirmStep? Confirming { get; protected set; }

    protected T WithVersion<T>(T request)
        where T : IVersionedRequest
    {
        request.Version = Version;
        return request;
    }

    /// <summary>The officer's actions on this signal: the services every step's change runs with.</summary>
    protected SignalChanges Commands => commands;

    protected MeldrouteDbContext Db => db;

    protected IAuthorizationService Authorization => authorization;

    protected AuditTrail Audit => audit;

    /// <summary>
    /// Runs a change; on success back to the signal's page (post-redirect-get), otherwise this page again with the user's
    /// input and the messages, and the failed form's section open.
    /// </summary>
    protected async Task<IActionResult> RunAsync(string form, Func<Task<Outcome<SignalChanged>>> change, CancellationToken cancellationToken, string? prefix = null)
    {
        ModelState.Clear();
        return await (await change()).ToPageResultAsync(
            this,
            ok: _ => RedirectToPage("/Handling/Signal", new { id = Id, done = form, route = form switch { nameof(Balancing) => Balancing.RouteId, nameof(Confirm) => Confirm.RouteId, _ => null } }),
            again: async () =>
            {
                Failed = form;
                return await LoadAsync(cancellationToken) ? Page() : NotFound();
            },
            prefix: prefix ?? form,
            conflict: message => Conflict = message);
    }

    /// <summary>
    /// An irreversible step (closing; forwarding can use it too): runs the change only when the post is confirmed. The
    /// first post changes nothing: it checks what the step would check (<paramref name="check"/>, and the version the
    /// user saw), shows refusals as <see cref="RunAsync"/> does, and otherwise shows this page again with the
    /// confirmation panel, which keeps what the user typed and posts it again with Confirmed=true.
    /// </summary>
    protected async Task<IActionResult> RunConfirmedAsync(
        string form, Func<SignalDetail, Outcome<SignalChanged>?> check, Func<SignalDetail, ConfirmStep> confirmation, Func<Task<Outcome<SignalChanged>>> change, CancellationToken cancellationToken)
    {
        if (Confirmed)
        {
            return await RunAsync(form, change, cancellationToken);
        }

        ModelState.Clear();
        var seen = Version;
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!CanHandle)
        {
            // Not theirs to change: the step itself refuses it (not found) and writes the denial to the audit log.
            return await RunAsync(form, change, cancellationToken);
        }

        // LoadAsync put the stored version in the forms; the panel must post the version the user saw, so that a change
        // by someone else in between is still refused on confirmation.
        Version = seen ?? Signal.Version;
        var refused = Version != Signal.Version ? Outcome<SignalChanged>.Conflict(commands.T["Signal_ChangedByOther", Signal.Reference]) : check(Signal);
        if (refused is not null)
        {
            return await refused.ToPageResultAsync(this, ok: _ => Page(), again: () =>
            {
                Failed = form;
                return Task.FromResult<IActionResult>(Page());
            }, prefix: form, conflict: message => Conflict = message);
        }

        Confirming = confirmation(Signal);
        return Page();
    }

    protected async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var detail = await GetSignal.HandleAsync(db, authorization, audit, commands.T, User, Id, "handling", commands.Now, cancellationToken);
        if (detail is null)
        {
            return false;
        }

        Signal = detail;
        Done = Request.Query["done"];
        DoneRoute = Guid.TryParse(Request.Query["route"], out var route) ? route : null;
        Version ??= detail.Version;
        if (Failed is null)
        {
            // The forms start from what is stored; after a failed post they keep what the user typed.
            Version = detail.Version;
            Analysis = new RecordAnalysisRequest
            {
                ClassifiedForms = [.. detail.ClassifiedForms.Count > 0 ? detail.ClassifiedForms : detail.Forms],
                Urgency = detail.Urgency,
                ConfirmedIndicatorCodes = [.. detail.ConfirmedIndicatorCodes.Count > 0 ? detail.ConfirmedIndicatorCodes : detail.IndicatorCodes],
                Notes = detail.AnalysisNotes,
            };
        }

        CanHandle = (await authorization.AuthorizeAsync(User, Policies.SpecialistOfficer)).Succeeded;
        var meetingIds = detail.Agenda.Select(a => a.MeetingId).ToList();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        ChairOf = (await db.CaseTableMeetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id) && m.ChairId == userId).Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet();
        Indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Code).ToListAsync(cancellationToken);
        OpenMeetings = CanHandle ? await db.CaseTableMeetings.AsNoTracking().Where(m => m.ClosedAt == null).OrderBy(m => m.ScheduledAt).ToListAsync(cancellationToken) : [];
        PartnerNames = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        AssignedOfficerName = detail.AssignedOfficerId is { } officer
            ? await db.Users.AsNoTracking().Where(u => u.Id == officer).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;
        return true;
    }

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);
}

/// <summary>The collapsible sections of a signal's page, in page order.</summary>
public enum SignalSection
{
    Reported,
    Analysis,
    CaseTable,
    Routes,
    Close,
    Feedback,
}

/// <summary>A step's page that only takes posts from the signal's page: a GET goes back to the signal's page.</summary>
public abstract class SignalStepPageModel(MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, SignalChanges commands)
    : SignalPageModel(db, authorization, audit, commands)
{
    public IActionResult OnGet() => RedirectToPage("/Handling/Signal", new { id = Id });
}
