using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Signals;

/// <summary>
/// A signal of possible human trafficking. Its properties fall in two groups: the anonymous remains that survive
/// forwarding (reference, dates, forms, indicator codes, location type, source, department, routes) and the
/// personal content that <see cref="SignalPurge"/> deletes for good once the signal is forwarded. Filtering and
/// sorting use only the first group.
/// </summary>
public sealed class Signal : IAggregate, Infrastructure.Privacy.IDataKeyOwner, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    /// <summary>How changes to a signal run (<see cref="AggregateChanges"/>): its name in the audit log, its conflict message, how it loads.</summary>
    public static readonly AggregateKind<Signal> Kind = new("signal", "Signal_ChangedByOther", LoadAsync);

    /// <summary>The signal with its people and timeline, tracked: what reading and changing it need.</summary>
    public static Task<Signal?> LoadAsync(MeldrouteDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Signals.Include(s => s.People).Include(s => s.Timeline).AsSplitQuery().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The data key of this signal's personal values; destroyed when it is purged.</summary>
    public Guid? DataKeyId { get; set; }

    /// <summary>
    /// How many signals wait for a first look (the inbox's count in the navigation, on every page an officer opens):
    /// counted up to <see cref="Navigation.CountMax"/> and no further, so that the count does not grow with the backlog.
    /// </summary>
    public static Task<int> CountReceivedAsync(MeldrouteDbContext db, CancellationToken cancellationToken) =>
        // Ordered as the inbox's index (rank, then age), so that the bounded count walks only open signals and the limit
        // has a defined order (EF Core warns about a limit without one).
        db.Signals.Where(s => s.InboxRank < ClosedRank && s.Status == SignalStatus.Received)
            .OrderBy(s => s.InboxRank).ThenBy(s => s.ReceivedAt).ThenBy(s => s.Reference)
            .Take(Navigation.CountMax).CountAsync(cancellationToken);

    /// <summary>Human reference such as MR-2026-0042: the only way staff and reporter name a signal.</summary>
    public required string Reference { get; set; }

    public SignalStatus Status { get; set; } = SignalStatus.Received;

    public SignalSource Source { get; set; } = SignalSource.InternalReport;

    public int? DepartmentId { get; set; }

    /// <summary>The account that submitted it (the reporter, or the officer who registered it on someone's behalf).</summary>
    public required string SubmittedById { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset LastChangedAt { get; set; }

    public DateTimeOffset? FirstAnalysisAt { get; set; }

    public DateTimeOffset? OnAgendaAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public DateTimeOffset? ForwardedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public bool AcuteDanger { get; set; }

    public LocationType LocationType { get; set; }

    /// <summary>The forms the reporter suspected.</summary>
    public ExploitationForms Forms { get; set; }

    /// <summary>Codes from the indicator checklist the reporter recognised, comma separated.</summary>
    public string IndicatorCodes { get; set; } = "";

    /// <summary>Whether a minor is involved as far as known: kept as a yes/no for the figures, without who.</summary>
    public bool InvolvesMinor { get; set; }

    public Urgency Urgency { get; set; } = Urgency.Normal;

    /// <summary>The officer who took the signal (behandelaar): an account id, or null while nobody has.</summary>
    public string? AssignedOfficerId { get; set; }

    /// <summary>The forms after the officer's analysis.</summary>
    public ExploitationForms ClassifiedForms { get; set; }

    /// <summary>Indicator codes the officer confirmed, comma separated.</summary>
    public string ConfirmedIndicatorCodes { get; set; } = "";

    /// <summary>Why it was closed without action, as a fixed code (the free explanation is personal content).</summary>
    public string? ClosureCode { get; set; }

    public FeedbackMessage? Feedback { get; set; }

    public DateTimeOffset? FeedbackAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// The inbox's triage order as a plain, indexed column (<see cref="RankOf"/>): 0 acute, 1 high, 2 any other open
    /// signal, 3 no longer open. Derived from status, acute danger and urgency on every save, so that the inbox's first
    /// page is read from an index in its order instead of sorting every open signal.
    /// </summary>
    public int InboxRank { get; set; } = RankOf(SignalStatus.Received, false, Urgency.Normal);

    /// <summary>The rank the inbox sorts on: acute (the reporter saw acute danger, or the officer judged it acute), high, other open, closed.</summary>
    public static int RankOf(SignalStatus status, bool acuteDanger, Urgency urgency) =>
        !SignalStateMachine.IsOpen(status) ? ClosedRank : acuteDanger || urgency == Urgency.Acute ? 0 : urgency == Urgency.High ? 1 : 2;

    /// <summary>The rank of every signal that is no longer open (forwarded or closed): below all open ones, whatever its urgency.</summary>
    public const int ClosedRank = 3;

    // ---- anonymous figure columns: derived from the dates above on every save, so that the figures can count in SQL ----

    /// <summary>Year and month of receipt as yyyymm (UTC).</summary>
    public int ReceivedMonth { get; set; }

    /// <summary>Working days from receipt to the first analysis, once it happened.</summary>
    public int? FirstAnalysisWorkingDays { get; set; }

    public int? CaseTableWorkingDays { get; set; }

    public int? ForwardedWorkingDays { get; set; }

    /// <summary>Recomputes the figure columns from the dates, and the inbox rank (called for every signal the context saves).</summary>
    public void RefreshFigureColumns()
    {
        InboxRank = RankOf(Status, AcuteDanger, Urgency);
        ReceivedMonth = (ReceivedAt.UtcDateTime.Year * 100) + ReceivedAt.UtcDateTime.Month;
        FirstAnalysisWorkingDays = FirstAnalysisAt is { } analysed ? WorkingDays.Between(ReceivedAt, analysed) : null;
        CaseTableWorkingDays = OnAgendaAt is { } agenda ? WorkingDays.Between(ReceivedAt, agenda) : null;
        ForwardedWorkingDays = ForwardedAt is { } forwarded ? WorkingDays.Between(ReceivedAt, forwarded) : null;
    }

    // ---- personal content: deleted for good on forwarding ----

    /// <summary>What the reporter saw (free text, 20–10,000 characters).</summary>
    [Encrypted]
    public string? Description { get; set; }

    public DateOnly? ObservedOn { get; set; }

    /// <summary>Address or area, optional.</summary>
    [Encrypted]
    public string? LocationDetail { get; set; }

    /// <summary>The location type in words when <see cref="LocationType"/> is Other.</summary>
    [Encrypted]
    public string? LocationOther { get; set; }

    /// <summary>The source in words when <see cref="Source"/> is Other, or the partner's name.</summary>
    [Encrypted]
    public string? SourceDetail { get; set; }

    /// <summary>The officer's enrichment and analysis notes.</summary>
    [Encrypted]
    public string? AnalysisNotes { get; set; }

    /// <summary>The officer's reason for the urgent path or for closing without action.</summary>
    [Encrypted]
    public string? DecisionReason { get; set; }

    /// <summary>Why a signal involving a minor has no youth-care route (the decision must say so).</summary>
    [Encrypted]
    public string? NoYouthCareReason { get; set; }

    public List<SignalPerson> People { get; set; } = [];

    /// <summary>Files that came with the signal (mailbox attachments); load them explicitly, they can be large.</summary>
    public List<SignalAttachment> Attachments { get; set; } = [];

    // ---- anonymous history ----

    public List<SignalStatusChange> Timeline { get; set; } = [];

    public SignalDeletionReceipt? DeletionReceipt { get; set; }

    public IReadOnlyList<string> IndicatorCodeList => Split(IndicatorCodes);

    public IReadOnlyList<string> ConfirmedIndicatorCodeList => Split(ConfirmedIndicatorCodes);

    public static string JoinCodes(IEnumerable<string> codes) => string.Join(',', codes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal));

    private static string[] Split(string codes) => codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Moves the signal through the state machine and writes the step into the timeline.</summary>
    public TransitionCheck MoveTo(SignalStatus to, string? reason, DateTimeOffset at)
    {
        var check = SignalStateMachine.Check(Status, to, reason);
        if (!check.IsAllowed)
        {
            return check;
        }

        Timeline.Add(new SignalStatusChange { At = at, From = Status, To = to, Kind = check.Kind!.Value });
        Status = to;
        LastChangedAt = at;
        switch (to)
        {
            case SignalStatus.InAnalysis: FirstAnalysisAt ??= at; break;
            case SignalStatus.OnAgenda: OnAgendaAt ??= at; break;
            case SignalStatus.Decided: DecidedAt = at; break;
            case SignalStatus.Forwarded: ForwardedAt = at; break;
            case SignalStatus.Closed or SignalStatus.ClosedWithoutAction: ClosedAt = at; break;
        }

        if (check.Kind != TransitionKind.Normal)
        {
            DecisionReason = reason;
        }

        return check;
    }
}

/// <summary>A person involved in a signal. Personal data: deleted with the signal's content.</summary>
public sealed class SignalPerson : INamedSubject, Infrastructure.Privacy.ISignalPart, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SignalId { get; set; }

    public PersonRole Role { get; set; }

    /// <summary>A name, or a description when the name is unknown.</summary>
    [Encrypted]
    public string? NameOrDescription { get; set; }

    /// <summary>Age or age band as told, e.g. "16" or "20-30".</summary>
    [Encrypted]
    public string? Age { get; set; }

    public Minor Minor { get; set; } = Minor.Unknown;

    [Encrypted]

    public string? Nationality { get; set; }

    [Encrypted]

    public string? Language { get; set; }

    [Encrypted]

    public string? ContactDetails { get; set; }

    public int SortOrder { get; set; }

    public string? SubjectHash { get; set; }
}

/// <summary>One step in a signal's timeline: when, from which status to which. No personal data, no actor.</summary>
public sealed class SignalStatusChange : IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public long Id { get; set; }

    public Guid SignalId { get; set; }

    public DateTimeOffset At { get; set; }

    public SignalStatus From { get; set; }

    public SignalStatus To { get; set; }

    public TransitionKind Kind { get; set; }
}

/// <summary>Proof that a signal's personal content was deleted: when, by which rule, how many items of each kind. No excerpt or hash of what was removed.</summary>
public sealed class SignalDeletionReceipt
{
    public DateTimeOffset PurgedAt { get; set; }

    public required string Rule { get; set; }

    public int People { get; set; }

    public int TextFields { get; set; }

    public int Assessments { get; set; }

    public int BalancingRecords { get; set; }

    public int RouteReasons { get; set; }

    public int Attachments { get; set; }

    /// <summary>The receipt as the audit log records it: rule and counts.</summary>
    public string Summary() => $"{Rule}: people={People}, texts={TextFields}, assessments={Assessments}, balancing={BalancingRecords}, reasons={RouteReasons}, attachments={Attachments}";
}

internal sealed class SignalConfiguration : IEntityTypeConfiguration<Signal>
{
    public void Configure(EntityTypeBuilder<Signal> builder)
    {
        builder.Property(s => s.Reference).HasMaxLength(20);
        builder.HasIndex(s => s.Reference).IsUnique();
        // The lists read their pages from indexes in their own order (keyset pagination, ListSignals): the inbox by
        // rank, then oldest; by status and receipt (oldest, newest and due dates, per status); the reporter's own by
        // last change. The reference breaks ties, so every key is unique. Every query carries the municipality's filter
        // (MeldrouteDbContext.ScopeToMunicipality), so the indexes it reads in order begin with the municipality:
        // otherwise, without fresh statistics, the planner takes the municipality's own index and sorts the backlog
        // (docs/performance.md, "Issue 22 measured"). The reporter's own list too: the municipality, then the reporter
        // (ListPlanTests read each list's plan without statistics).
        builder.HasIndex(s => new { s.MunicipalityId, s.InboxRank, s.ReceivedAt, s.Reference });
        builder.HasIndex(s => new { s.MunicipalityId, s.Status, s.ReceivedAt, s.Reference });
        builder.HasIndex(s => new { s.MunicipalityId, s.SubmittedById, s.LastChangedAt, s.Reference });
        // The figures' indexes cover their GROUP BYs, so that counting reads these narrow indexes instead of the wide
        // table: the characteristics (with the Id for the count of routes, which joins on it) and the lead times; one
        // municipality's part of them.
        builder.HasIndex(s => new { s.MunicipalityId, s.ReceivedMonth, s.Source, s.Forms, s.ClassifiedForms, s.DepartmentId, s.LocationType, s.InvolvesMinor, s.Id });
        builder.HasIndex(s => new { s.MunicipalityId, s.ReceivedMonth, s.FirstAnalysisWorkingDays, s.CaseTableWorkingDays, s.ForwardedWorkingDays });
        builder.Property(s => s.SubmittedById).HasMaxLength(64);
        builder.Property(s => s.AssignedOfficerId).HasMaxLength(64);
        builder.HasIndex(s => new { s.AssignedOfficerId, s.Status });
        builder.Property(s => s.IndicatorCodes).HasMaxLength(1000);
        builder.Property(s => s.ConfirmedIndicatorCodes).HasMaxLength(1000);
        builder.Property(s => s.ClosureCode).HasMaxLength(50);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.Description).HasMaxLength(10_000);
        builder.Property(s => s.LocationDetail).HasMaxLength(500);
        builder.Property(s => s.LocationOther).HasMaxLength(200);
        builder.Property(s => s.SourceDetail).HasMaxLength(200);
        builder.Property(s => s.AnalysisNotes).HasMaxLength(10_000);
        builder.Property(s => s.DecisionReason).HasMaxLength(2_000);
        builder.Property(s => s.NoYouthCareReason).HasMaxLength(2_000);
        builder.Ignore(s => s.IndicatorCodeList);
        builder.Ignore(s => s.ConfirmedIndicatorCodeList);
        builder.HasMany(s => s.People).WithOne().HasForeignKey(p => p.SignalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Attachments).WithOne().HasForeignKey(a => a.SignalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Timeline).WithOne().HasForeignKey(t => t.SignalId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsOne(s => s.DeletionReceipt, r => r.Property(x => x.Rule).HasMaxLength(100));
    }
}

internal sealed class SignalPersonConfiguration : IEntityTypeConfiguration<SignalPerson>
{
    public void Configure(EntityTypeBuilder<SignalPerson> builder)
    {
        builder.Property(p => p.NameOrDescription).HasMaxLength(500);
        builder.Property(p => p.Age).HasMaxLength(20);
        builder.Property(p => p.Nationality).HasMaxLength(100);
        builder.Property(p => p.Language).HasMaxLength(100);
        builder.Property(p => p.ContactDetails).HasMaxLength(500);
        builder.Property(p => p.SubjectHash).HasMaxLength(64);
        builder.HasIndex(p => p.SubjectHash);
    }
}
