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

    public static readonly IReadOnlyList<string> All =
    [
        Reporter, SpecialistOfficer, CaseTableMember, VictimCareCoordinator, PolicyAdvisor, PrivacyOfficer, Administrator,
    ];
}
