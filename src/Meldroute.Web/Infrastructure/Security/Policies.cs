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

    /// <summary>Who keeps the partner network up to date: policy advisors and administrators.</summary>
    public const string PartnerEditor = nameof(PartnerEditor);

    public const string Reporter = Roles.Reporter;
    public const string SpecialistOfficer = Roles.SpecialistOfficer;
    public const string CaseTableMember = Roles.CaseTableMember;
    public const string VictimCareCoordinator = Roles.VictimCareCoordinator;
    /// <summary>Who reads the figures: policy advisors (suppressed) and officers (who may ask for exact counts).</summary>
    public const string FiguresReader = nameof(FiguresReader);

    public const string PolicyAdvisor = Roles.PolicyAdvisor;
    public const string PrivacyOfficer = Roles.PrivacyOfficer;
    public const string Administrator = Roles.Administrator;

    public static void AddMeldroutePolicies(this AuthorizationOptions options)
    {
        var denyAll = new AuthorizationPolicyBuilder().AddRequirements(new DenyAllRequirement()).Build();
        options.AddPolicy(DenyAll, denyAll);
        options.FallbackPolicy = denyAll;

        var signedIn = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireRole(Roles.All)
            .AddRequirements(new TwoFactorSatisfiedRequirement(), new PasswordChangedRequirement())
            .Build();
        options.AddPolicy(SignedIn, signedIn);
        options.DefaultPolicy = signedIn;

        options.AddPolicy(Enrolment, p => p.RequireAuthenticatedUser());

        options.AddPolicy(Submitter, p => p.RequireAuthenticatedUser().RequireRole(Roles.Reporter, Roles.SpecialistOfficer).AddRequirements(new TwoFactorSatisfiedRequirement(), new PasswordChangedRequirement()));
        options.AddPolicy(FiguresReader, p => p.RequireAuthenticatedUser().RequireRole(Roles.PolicyAdvisor, Roles.SpecialistOfficer).AddRequirements(new TwoFactorSatisfiedRequirement(), new PasswordChangedRequirement()));
        options.AddPolicy(SignalReader, p => p.RequireAuthenticatedUser().RequireRole(Roles.SpecialistOfficer, Roles.CaseTableMember).AddRequirements(new TwoFactorSatisfiedRequirement(), new PasswordChangedRequirement()));

        options.AddPolicy(PartnerReader, p => p.RequireAuthenticatedUser()
            .RequireRole(Roles.SpecialistOfficer, Roles.VictimCareCoordinator, Roles.PolicyAdvisor, Roles.Administrator)
            .AddRequirements(new TwoFactorSatisfiedRequirement(), new PasswordChangedRequirement()));
        options.AddPolicy(PartnerEditor, p => p.RequireAuthenticatedUser().RequireRole(Roles.PolicyAdvisor, Roles.Administrator).AddRequirements(new TwoFactorSatisfiedRequirement(), new PasswordChangedRequirement()));

        foreach (var role in Roles.All)
        {
            options.AddPolicy(role, p => p
                .RequireAuthenticatedUser()
                .RequireRole(role)
                .AddRequirements(new TwoFactorSatisfiedRequirement(), new PasswordChangedRequirement()));
        }
    }
}
