namespace Meldroute.Web.Infrastructure.Security;

/// <summary>The roles of the domain README; each is also an authorization policy of the same name.</summary>
public static class Roles
{
    public const string Reporter = nameof(Reporter);
    public const string SpecialistOfficer = nameof(SpecialistOfficer);
    public const string CaseTableMember = nameof(CaseTableMember);
    public const string VictimCareCoordinator = nameof(VictimCareCoordinator);
    public const string PolicyAdvisor = nameof(PolicyAdvisor);
    public const string PrivacyOfficer = nameof(PrivacyOfficer);
    public const string Administrator = nameof(Administrator);

    /// <summary>
    /// Regionaal analist: the figures of every municipality of the account's region side by side and summed (suppressed),
    /// and each one's agenda and framework status; never a signal, a person or free text (issue 21).
    /// </summary>
    public const string RegionalAnalyst = nameof(RegionalAnalyst);

    public static readonly IReadOnlyList<string> All =
    [
        Reporter, SpecialistOfficer, CaseTableMember, VictimCareCoordinator, PolicyAdvisor, PrivacyOfficer, Administrator, RegionalAnalyst,
    ];

    /// <summary>The roles that work within one municipality's records: every role but the regional analyst, who sees only the region's figures.</summary>
    public static readonly IReadOnlyList<string> Municipal = [.. All.Where(r => r != RegionalAnalyst)];
}
