using Meldroute.Web.Features.Signals;

namespace Meldroute.Web.Features.Partners;

/// <summary>One column of Table 1 of the plan, in the order of partners.csv.</summary>
public sealed record NetworkColumn(string Code, string TextKey, Func<Partner, bool> IsMarked);

public sealed record PartnerContactView(string Name, string? Function, string? Phone, string? Email, string? Availability);

/// <summary>One changed field of a partner: its code and its value before and after, as text (empty for a new partner's "before").</summary>
public sealed record PartnerFieldChange(string Field, string? Before, string? After);

public sealed record PartnerChangeView(DateTimeOffset ChangedAt, string? ChangedBy, IReadOnlyList<string> Fields, IReadOnlyList<PartnerFieldChange> Values);

/// <summary>A partner as the network overview, its page and the API show it: Table 1's marks, Table 2's work processes, contacts.</summary>
public sealed record PartnerView(
    int Id, string Name, PartnerKind Kind,
    bool Policy, bool Prevention, bool Signalling, bool InvestigationProsecution, bool Aftercare,
    bool Sexual, bool Labour, bool Criminal,
    IReadOnlyList<PartnerContactView> Contacts, IReadOnlyList<string> WorkProcesses, IReadOnlyList<Route> Routes, Guid Version,
    bool Archived = false, IReadOnlyList<Route>? DefaultRoutes = null)
{
    public static PartnerView From(Partner p, IEnumerable<PartnerRoute> routes) => From(p, routes.ToList());

    private static PartnerView From(Partner p, List<PartnerRoute> routes) => new(
        p.Id, p.Name, p.Kind,
        p.Roles.HasFlag(PartnerRoles.Policy), p.Roles.HasFlag(PartnerRoles.Prevention), p.Roles.HasFlag(PartnerRoles.Signalling),
        p.Roles.HasFlag(PartnerRoles.InvestigationProsecution), p.Roles.HasFlag(PartnerRoles.Aftercare),
        p.Forms.HasFlag(ExploitationForms.Sexual), p.Forms.HasFlag(ExploitationForms.Labour), p.Forms.HasFlag(ExploitationForms.Criminal),
        [.. p.Contacts.OrderBy(c => c.SortOrder).Select(c => new PartnerContactView(c.Name, c.Function, c.Phone, c.Email, c.Availability))],
        [.. p.WorkProcesses.OrderBy(w => w.SortOrder).Select(w => w.Description)],
        [.. routes.Select(r => r.Route).Order()],
        p.Version,
        p.IsArchived,
        [.. routes.Where(r => r.IsDefault).Select(r => r.Route).Order()]);
}

/// <summary>
/// The partner network of Table 1 (roles and forms per partner), the work processes of Table 2 and the contact persons
/// of the care map: the columns and the limits that ListPartners, GetPartner and UpdatePartner share.
/// </summary>
public static class PartnerNetwork
{
    public const int NameMax = 300;
    public const int ShortMax = 200;
    public const int PhoneMax = 40;
    public const int ContactsMax = 20;
    public const int WorkProcessMax = 1000;
    public const int WorkProcessesMax = 50;

    /// <summary>Table 1's eight columns in the order of partners.csv.</summary>
    public static readonly IReadOnlyList<NetworkColumn> Columns =
    [
        new("policy", "Network_Policy", p => p.Roles.HasFlag(PartnerRoles.Policy)),
        new("prevention", "Network_Prevention", p => p.Roles.HasFlag(PartnerRoles.Prevention)),
        new("signalling", "Network_Signalling", p => p.Roles.HasFlag(PartnerRoles.Signalling)),
        new("investigation_prosecution", "Network_InvestigationProsecution", p => p.Roles.HasFlag(PartnerRoles.InvestigationProsecution)),
        new("aftercare", "Network_Aftercare", p => p.Roles.HasFlag(PartnerRoles.Aftercare)),
        new("sexual", "Form_Sexual", p => p.Forms.HasFlag(ExploitationForms.Sexual)),
        new("labour", "Form_Labour", p => p.Forms.HasFlag(ExploitationForms.Labour)),
        new("criminal", "Form_Criminal", p => p.Forms.HasFlag(ExploitationForms.Criminal)),
    ];

    public static bool IsMarked(PartnerView p, string column) => column switch
    {
        "policy" => p.Policy,
        "prevention" => p.Prevention,
        "signalling" => p.Signalling,
        "investigation_prosecution" => p.InvestigationProsecution,
        "aftercare" => p.Aftercare,
        "sexual" => p.Sexual,
        "labour" => p.Labour,
        "criminal" => p.Criminal,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };
}
