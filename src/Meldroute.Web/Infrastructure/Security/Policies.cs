using Microsoft.AspNetCore.Authorization;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>
/// Every page and endpoint names one of these policies (or is explicitly anonymous); anything unmarked
/// falls to <see cref="DenyAll"/>. Role policies carry the role's name.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user with a role who has passed the second factor (or is in demo mode).</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Signed in with a password but not yet through two-factor enrolment: enrolment and sign-out only.</summary>
    public const string Enrolment = nameof(Enrolment);

    /// <summary>The fallback: nothing unmarked is reachable.</summary>
    public const string DenyAll = nameof(DenyAll);

    /// <summary>Who submits signals: reporters, and officers registering on someone's behalf.</summary>
    public const string Submitter = nameof(Submitter);

    /// <summary>Who may read signal content at all; which signals is decided per signal by SignalAccessHandler.</summary>
    public const string SignalReader = nameof(SignalReader);

    /// <summary>
    /// Who may see the partner network, work processes and the care map with its contact persons (business contact
    /// data): staff who work with partners. Not reporters, not case-table members.
    /// </summary>
    public const string PartnerReader = nameof(PartnerReader);

    /// <summary>Who keeps the partner network and the other reference data up to date: administrators (policy advisors read).</summary>
    public const string PartnerEditor = nameof(PartnerEditor);

    /// <summary>Who may export all reference data (partners with contacts, departments, indicators): administrators and policy advisors.</summary>
    public const string ReferenceDataReader = nameof(ReferenceDataReader);

    public const string Reporter = Roles.Reporter;
    public const string SpecialistOfficer = Roles.SpecialistOfficer;
    public const string CaseTableMember = Roles.CaseTableMember;
    public const string VictimCareCoordinator = Roles.VictimCareCoordinator;
    /// <summary>Who reads the figures: policy advisors (suppressed) and officers (who may ask for exact counts).</summary>
    public const string FiguresReader = nameof(FiguresReader);

    /// <summary>
    /// Who may download the anonymised case data (HTCDS): the policy advisor, of their municipality; the regional analyst,
    /// of their region (ExportCaseData).
    /// </summary>
    public const string CaseDataExporter = nameof(CaseDataExporter);

    public const string PolicyAdvisor = Roles.PolicyAdvisor;
    public const string PrivacyOfficer = Roles.PrivacyOfficer;
    public const string Administrator = Roles.Administrator;

    /// <summary>The region's figures side by side (GetRegionalFigures): the regional analyst only.</summary>
    public const string RegionalAnalyst = Roles.RegionalAnalyst;

    /// <summary>
    /// Any signed-in account of a role that works in one municipality's records (every role but the regional analyst):
    /// the departments and indicators lists the intake shows.
    /// </summary>
    public const string MunicipalStaff = nameof(MunicipalStaff);

    /// <summary>
    /// Who may open a victim dossier's pages and endpoints: any signed-in account, because any account can hold a grant
    /// for one dossier; which dossiers is decided per dossier (<see cref="ReadDossierRequirement"/>).
    /// </summary>
    public const string DossierReader = nameof(DossierReader);

    /// <summary>The policies and the roles each admits, in one place. The rules per record are the requirements beside this file.</summary>
    public static void AddMeldroutePolicies(this AuthorizationOptions options)
    {
        var denyAll = new AuthorizationPolicyBuilder().AddRequirements(new DenyAllRequirement()).Build();
        options.AddPolicy(DenyAll, denyAll);
        options.FallbackPolicy = denyAll;

        options.AddPolicy(SignedIn, StaffWith(Roles.All));
        options.DefaultPolicy = StaffWith(Roles.All);
        options.AddPolicy(Enrolment, p => p.RequireAuthenticatedUser());

        options.AddPolicy(Submitter, StaffWith(Roles.Reporter, Roles.SpecialistOfficer));
        options.AddPolicy(SignalReader, StaffWith(Roles.SpecialistOfficer, Roles.CaseTableMember));
        options.AddPolicy(MunicipalStaff, StaffWith(Roles.Municipal));
        // A grant opens one dossier to an account of the municipality; the regional analyst never reads a dossier.
        options.AddPolicy(DossierReader, StaffWith(Roles.Municipal));
        options.AddPolicy(FiguresReader, StaffWith(Roles.PolicyAdvisor, Roles.SpecialistOfficer));
        options.AddPolicy(PartnerReader, StaffWith(Roles.SpecialistOfficer, Roles.VictimCareCoordinator, Roles.PolicyAdvisor, Roles.Administrator));
        options.AddPolicy(PartnerEditor, StaffWith(Roles.Administrator));
        options.AddPolicy(ReferenceDataReader, StaffWith(Roles.PolicyAdvisor, Roles.Administrator));
        options.AddPolicy(CaseDataExporter, StaffWith(Roles.PolicyAdvisor, Roles.RegionalAnalyst));
        foreach (var role in Roles.All)
        {
            options.AddPolicy(role, StaffWith(role));
        }
    }

    /// <summary>Signed-in staff with one of these roles who passed the second factor and replaced their initial password.</summary>
    public static AuthorizationPolicy StaffWith(params IEnumerable<string> roles) => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireRole(roles)
        .AddRequirements(new TwoFactorSatisfiedRequirement(), new PasswordChangedRequirement())
        .Build();

    /// <summary>The handlers of the requirements (the requirement files hold each rule).</summary>
    public static IServiceCollection AddMeldrouteAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, TwoFactorSatisfiedHandler>();
        services.AddSingleton<IAuthorizationHandler, PasswordChangedHandler>();
        services.AddScoped<IAuthorizationHandler, ReadSignalHandler>();
        services.AddSingleton<IAuthorizationHandler, HandleSignalHandler>();
        services.AddScoped<IAuthorizationHandler, ReadDossierHandler>();
        services.AddSingleton<IAuthorizationHandler, ManageDossierHandler>();
        services.AddSingleton<IAuthorizationHandler, HoldsHandoverLinkHandler>();
        services.AddSingleton<IAuthorizationHandler, ReadMeetingHandler>();
        services.AddSingleton<IAuthorizationHandler, ManageMeetingHandler>();
        services.AddSingleton<IAuthorizationHandler, ChairMeetingHandler>();
        services.AddSingleton<IAuthorizationHandler, ReadContributionsHandler>();
        services.AddSingleton<IAuthorizationHandler, ContributeToMeetingHandler>();
        services.AddScoped<IAuthorizationHandler, DecideInMeetingHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        return services.AddAuthorization(o => o.AddMeldroutePolicies());
    }
}
