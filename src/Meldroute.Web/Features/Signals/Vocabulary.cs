namespace Meldroute.Web.Features.Signals;

/// <summary>The forms of exploitation (plan section 2). Forced organ removal is out of scope by the plan's decision.</summary>
[Flags]
public enum ExploitationForms
{
    None = 0,
    Sexual = 1,
    Labour = 2,
    Criminal = 4,

    /// <summary>The reporter cannot tell which form; only for signals, never for partners.</summary>
    Unknown = 8,
}

/// <summary>
/// A signal's forms as the API carries them both ways: a list of single forms (["Sexual", "Criminal"]), never the
/// combined flags value, which JSON would write as one string ("Sexual, Criminal").
/// </summary>
public static class ExploitationFormSet
{
    /// <summary>Every single form a signal can have, in the order the forms show them.</summary>
    public static readonly IReadOnlyList<ExploitationForms> Each = [ExploitationForms.Sexual, ExploitationForms.Labour, ExploitationForms.Criminal, ExploitationForms.Unknown];

    /// <summary>The single forms within a combination, in form order; empty for <see cref="ExploitationForms.None"/>.</summary>
    public static IReadOnlyList<ExploitationForms> Split(ExploitationForms forms) => [.. Each.Where(f => forms.HasFlag(f))];

    /// <summary>The combination of a list of single forms.</summary>
    public static ExploitationForms Combine(IEnumerable<ExploitationForms> forms) => forms.Aggregate(ExploitationForms.None, (all, f) => all | f);
}

/// <summary>Where the reporter saw it.</summary>
public enum LocationType
{
    Hotel,
    HolidayPark,
    ShortStayRental,
    PrivateHome,
    MassageSalon,
    CompanyOrDistributionCentre,
    EmploymentAgency,
    FarmOrGreenhouse,
    School,
    StreetOrPublicSpace,
    Schiphol,
    Online,
    Other,
}

/// <summary>How the signal reached the municipality.</summary>
public enum SignalSource
{
    /// <summary>An employee reported it through Meldroute (the internal reporting route).</summary>
    InternalReport,
    Mailbox,
    MeldMisdaadAnoniem,
    PoliceBasisteam,
    Partner,
    Other,
}

public enum PersonRole
{
    PossibleVictim,
    PossibleExploiter,
    Other,
}

public enum Minor
{
    Unknown,
    Yes,
    No,
}

public enum Urgency
{
    Normal,
    High,
    Acute,
}

/// <summary>The routes the case table can decide (plan section 9).</summary>
public enum Route
{
    VictimTrack,
    PerpetratorTrack,
    LabourInspectorate,
    Police,
    YouthCare,
    AdministrativeMeasure,
    NoFurtherAction,
}

/// <summary>How a route was handed over to its partner.</summary>
public enum ForwardingChannel
{
    RiecIs,
    SecureMail,
    Phone,
    InPerson,
    Other,

    /// <summary>The partner opened the one-time link and confirmed receipt (ConfirmHandoverReceipt).</summary>
    HandoverLink,
}

/// <summary>
/// The categories of personal data a route's hand-over sheet carries (plan section 11: only what the recipient
/// needs). The officer's hand-over summary is one of them; the reporter's own words go nowhere by default.
/// </summary>
[Flags]
public enum HandoverData
{
    None = 0,

    /// <summary>Who the possible victims are and how to reach them.</summary>
    VictimIdentity = 1,

    /// <summary>Who the possible exploiters are and how to reach them.</summary>
    ExploiterIdentity = 2,

    /// <summary>The address or area (the location type itself is anonymous and always on the sheet).</summary>
    Location = 4,

    /// <summary>The officer's hand-over summary written for this route.</summary>
    Summary = 8,

    /// <summary>The reporter's own description, word for word.</summary>
    ReporterWords = 16,
}

/// <summary>The general feedback messages a reporter may receive; never what was decided.</summary>
public enum FeedbackMessage
{
    ThankYouForwarded,
    ThankYouHandled,
    ThankYouNoAction,
}

/// <summary>Where a signal is in the internal reporting procedure (plan sections 9 and 11).</summary>
public enum SignalStatus
{
    Received,
    InAnalysis,
    OnAgenda,
    Decided,
    Forwarded,
    Closed,
    ClosedWithoutAction,
}

/// <summary>The only status a reporter ever sees: general feedback, never what was decided.</summary>
public enum ReporterStatus
{
    Received,
    InProgress,
    Forwarded,
    Closed,
}
