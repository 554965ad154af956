using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Tests.TestSupport;

/// <summary>Who may reach an endpoint.</summary>
public sealed record Access(string Kind, IReadOnlySet<string> Roles)
{
    /// <summary>Everyone, signed in or not.</summary>
    public static readonly Access Public = new("public", new HashSet<string>());

    /// <summary>Mapped by a library but not offered: 404 for everyone.</summary>
    public static readonly Access NotExposed = new("not-exposed", new HashSet<string>());

    /// <summary>No one: the fallback policy denies it.</summary>
    public static readonly Access Nobody = new("roles", new HashSet<string>());

    /// <summary>Anyone signed in with a password, also before the second factor is set up (enrolment, sign-out).</summary>
    public static readonly Access Enrolment = new("enrolment", new HashSet<string>(Meldroute.Web.Infrastructure.Security.Roles.All));

    /// <summary>Anyone with any role, after the second factor: the start page and one's own account, the regional analyst included.</summary>
    public static readonly Access SignedIn = OnlyFor([.. Meldroute.Web.Infrastructure.Security.Roles.All]);

    /// <summary>Anyone with a role that works in one municipality's records: every role but the regional analyst.</summary>
    public static readonly Access Municipal = OnlyFor([.. Meldroute.Web.Infrastructure.Security.Roles.Municipal]);

    public static Access OnlyFor(params string[] roles) => new("roles", new HashSet<string>(roles));

    public override string ToString() => Kind == "roles" ? string.Join("|", Roles.Order(StringComparer.Ordinal)) : Kind;
}

/// <summary>
/// THE declared table of who may open what. Every endpoint the app maps must have a row here (the matrix test
/// enumerates the app's endpoint data sources and fails on any endpoint without one), and the test proves each
/// row for anonymous, every role, and an account that has not set up two-factor authentication yet.
/// Keys: "METHOD /route-pattern"; endpoints without a method restriction (Razor Pages, health checks) are keyed "ANY /route".
/// The regional analyst (<see cref="Roles.RegionalAnalyst"/>) reaches only what names it or is <see cref="Access.SignedIn"/>
/// (the start page, its own account, the dashboard): every other row denies it.
/// </summary>
public static class AuthorizationMatrix
{
    public static readonly IReadOnlyDictionary<string, Access> Table = new Dictionary<string, Access>(StringComparer.Ordinal)
    {
        // Start and own account
        ["ANY /"] = Access.SignedIn,
        ["ANY /Index"] = Access.SignedIn,
        ["ANY /Account"] = Access.SignedIn,
        ["ANY /Account/Index"] = Access.SignedIn,
        // The start page's dashboard as JSON: every role gets the blocks of its own roles (DashboardTests).
        ["GET /api/dashboard"] = Access.SignedIn,

        // Sign-in and its steps
        ["ANY /Account/Login"] = Access.Public,
        ["ANY /Account/LoginWith2fa"] = Access.Public,
        // The end of a sign-in through the identity provider (Meldroute:Oidc); 404 while that is off.
        ["ANY /Account/ExternalLogin"] = Access.Public,
        ["ANY /Account/AccessDenied"] = Access.Public,
        ["ANY /Account/EnrolAuthenticator"] = Access.Enrolment,
        ["ANY /Account/Logout"] = Access.Enrolment,
        ["ANY /Account/ChangePassword"] = Access.Enrolment,
        ["ANY /Error"] = Access.Public,
        ["POST /culture"] = Access.Public,

        // The reporting procedure's pages (issue 3)
        ["ANY /Intake/New"] = Access.OnlyFor(Roles.Reporter, Roles.SpecialistOfficer),
        ["ANY /Intake/Mine"] = Access.OnlyFor(Roles.Reporter, Roles.SpecialistOfficer),
        ["ANY /Intake/Submitted/{reference}"] = Access.OnlyFor(Roles.Reporter, Roles.SpecialistOfficer),
        ["ANY /Handling"] = Access.OnlyFor(Roles.SpecialistOfficer),
        ["ANY /Handling/Index"] = Access.OnlyFor(Roles.SpecialistOfficer),
        ["ANY /Handling/Signal/{id:guid}"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.CaseTableMember),
        ["ANY /CaseTable"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.CaseTableMember),
        ["ANY /CaseTable/Index"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.CaseTableMember),
        ["ANY /CaseTable/Meeting/{id:guid}"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.CaseTableMember),
        // The chair of the meeting records its decisions: an officer, or a member given the chair (MeetingTests).
        ["ANY /CaseTable/Decide/{id:guid}"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.CaseTableMember),
        ["ANY /CaseTable/Schedule/{id:guid}"] = Access.OnlyFor(Roles.SpecialistOfficer),
        ["ANY /Forwarding/Forward/{id:guid}"] = Access.OnlyFor(Roles.SpecialistOfficer),
        ["ANY /Forwarding/Handover/{id:guid}/{routeId:guid}"] = Access.OnlyFor(Roles.SpecialistOfficer),
        ["ANY /overdracht/{token}"] = Access.Public,

        // Privacy officer
        ["ANY /Audit"] = Access.OnlyFor(Roles.PrivacyOfficer),
        ["ANY /Audit/Index"] = Access.OnlyFor(Roles.PrivacyOfficer),
        ["GET /api/audit/events"] = Access.OnlyFor(Roles.PrivacyOfficer),
        ["GET /api/audit/export"] = Access.OnlyFor(Roles.PrivacyOfficer),
        ["GET /api/audit/verification"] = Access.OnlyFor(Roles.PrivacyOfficer),
        ["ANY /Retention"] = Access.OnlyFor(Roles.PrivacyOfficer),
        ["ANY /Retention/Index"] = Access.OnlyFor(Roles.PrivacyOfficer),
        ["GET /api/retention/upcoming"] = Access.OnlyFor(Roles.PrivacyOfficer),
        ["POST /api/retention/holds"] = Access.OnlyFor(Roles.PrivacyOfficer),
        ["POST /api/retention/holds/{id:guid}/lift"] = Access.OnlyFor(Roles.PrivacyOfficer),

        // Figures: policy advisors (suppressed) and officers
        ["ANY /Figures"] = Access.OnlyFor(Roles.PolicyAdvisor, Roles.SpecialistOfficer),
        ["ANY /Figures/Index"] = Access.OnlyFor(Roles.PolicyAdvisor, Roles.SpecialistOfficer),
        ["GET /api/figures"] = Access.OnlyFor(Roles.PolicyAdvisor, Roles.SpecialistOfficer),
        ["GET /api/figures/export"] = Access.OnlyFor(Roles.PolicyAdvisor, Roles.SpecialistOfficer),
        ["GET /api/figures/year-report/{year:int}"] = Access.OnlyFor(Roles.PolicyAdvisor, Roles.SpecialistOfficer),
        ["GET /api/figures/context"] = Access.OnlyFor(Roles.PolicyAdvisor, Roles.SpecialistOfficer),
        ["POST /api/figures/context"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["ANY /Figures/Baseline"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["GET /api/figures/baseline"] = Access.OnlyFor(Roles.PolicyAdvisor, Roles.SpecialistOfficer),
        ["PUT /api/figures/baseline"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["DELETE /api/figures/baseline/{id:int}"] = Access.OnlyFor(Roles.PolicyAdvisor),

        // The anonymised case export (HTCDS, issue 21 item 5): the policy advisor (the regional analyst joins when that role exists).
        ["ANY /CaseData"] = Access.OnlyFor(Roles.PolicyAdvisor, Roles.RegionalAnalyst),
        ["ANY /CaseData/Index"] = Access.OnlyFor(Roles.PolicyAdvisor, Roles.RegionalAnalyst),
        ["GET /api/case-data/export"] = Access.OnlyFor(Roles.PolicyAdvisor, Roles.RegionalAnalyst),

        // The region's view (issue 21 item 2): the regional analyst only; nobody else, not even the policy advisor.
        ["ANY /Region"] = Access.OnlyFor(Roles.RegionalAnalyst),
        ["ANY /Region/Index"] = Access.OnlyFor(Roles.RegionalAnalyst),
        ["GET /api/region/figures"] = Access.OnlyFor(Roles.RegionalAnalyst),

        // The privacy officer's register of processing activities and subject access requests
        ["ANY /Privacy/Register"] = Access.OnlyFor(Roles.PrivacyOfficer),
        ["ANY /Privacy/Activity/{id:int?}"] = Access.OnlyFor(Roles.PrivacyOfficer),
        ["ANY /Privacy/SubjectAccess"] = Access.OnlyFor(Roles.PrivacyOfficer),
        ["GET /api/privacy/register"] = Access.OnlyFor(Roles.PrivacyOfficer),
        ["POST /api/privacy/register"] = Access.OnlyFor(Roles.PrivacyOfficer),
        ["PUT /api/privacy/register/{id:int}"] = Access.OnlyFor(Roles.PrivacyOfficer),
        ["POST /api/privacy/subject-access/search"] = Access.OnlyFor(Roles.PrivacyOfficer),
        ["POST /api/privacy/subject-access/export"] = Access.OnlyFor(Roles.PrivacyOfficer),

        // The shielded victim dossier: any account of a municipal role reaches the endpoints, the dossier itself decides who
        // opens it (coordinator or an active grant, VictimDossierTests); managing it is the coordinator's. Never the regional analyst.
        ["ANY /VictimDossiers"] = Access.Municipal,
        ["ANY /VictimDossiers/Index"] = Access.Municipal,
        ["ANY /VictimDossiers/Dossier/{id:guid}"] = Access.Municipal,
        ["GET /api/dossiers"] = Access.Municipal,
        ["GET /api/dossiers/{id:guid}"] = Access.Municipal,
        ["POST /api/dossiers/{id:guid}/notes"] = Access.Municipal,
        ["POST /api/dossiers/{id:guid}/consents"] = Access.OnlyFor(Roles.VictimCareCoordinator),
        ["POST /api/dossiers/{id:guid}/partners"] = Access.OnlyFor(Roles.VictimCareCoordinator),
        ["PUT /api/dossiers/{id:guid}/reflection-period"] = Access.OnlyFor(Roles.VictimCareCoordinator),
        ["POST /api/dossiers/{id:guid}/grants"] = Access.OnlyFor(Roles.VictimCareCoordinator),
        ["POST /api/dossiers/{id:guid}/grants/{grantId:guid}/revoke"] = Access.OnlyFor(Roles.VictimCareCoordinator),
        ["POST /api/dossiers/{id:guid}/close"] = Access.OnlyFor(Roles.VictimCareCoordinator),
        // A possible victim's CoMensha registration (issue 21 item 4): the coordinator's only, also for accounts with a grant.
        ["ANY /VictimDossiers/Comensha/{id:guid}/{victimId:guid}"] = Access.OnlyFor(Roles.VictimCareCoordinator),
        ["GET /api/dossiers/{id:guid}/victims/{victimId:guid}/comensha"] = Access.OnlyFor(Roles.VictimCareCoordinator),
        ["PUT /api/dossiers/{id:guid}/victims/{victimId:guid}/comensha"] = Access.OnlyFor(Roles.VictimCareCoordinator),
        ["GET /api/dossiers/{id:guid}/victims/{victimId:guid}/comensha/download"] = Access.OnlyFor(Roles.VictimCareCoordinator),

        // The partner network, work processes and care map (issue 5): staff who work with partners; reporters and
        // case-table members see none of it. Administrators keep it up to date (issue 18; policy advisors read).
        ["ANY /Partners"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.VictimCareCoordinator, Roles.PolicyAdvisor, Roles.Administrator),
        ["ANY /Partners/Index"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.VictimCareCoordinator, Roles.PolicyAdvisor, Roles.Administrator),
        ["ANY /Partners/WorkProcesses"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.VictimCareCoordinator, Roles.PolicyAdvisor, Roles.Administrator),
        ["ANY /Partners/CareMap"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.VictimCareCoordinator, Roles.PolicyAdvisor, Roles.Administrator),
        ["ANY /Partners/Partner/{id:int}"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.VictimCareCoordinator, Roles.PolicyAdvisor, Roles.Administrator),
        ["ANY /Partners/Edit/{id:int?}"] = Access.OnlyFor(Roles.Administrator),
        ["GET /api/partners"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.VictimCareCoordinator, Roles.PolicyAdvisor, Roles.Administrator),
        ["GET /api/partners/{id:int}"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.VictimCareCoordinator, Roles.PolicyAdvisor, Roles.Administrator),
        ["POST /api/partners"] = Access.OnlyFor(Roles.Administrator),
        ["PUT /api/partners/{id:int}"] = Access.OnlyFor(Roles.Administrator),
        ["POST /api/partners/{id:int}/archive"] = Access.OnlyFor(Roles.Administrator),
        ["PUT /api/partners/{id:int}/routes"] = Access.OnlyFor(Roles.Administrator),
        ["GET /api/partners/care-map"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.VictimCareCoordinator, Roles.PolicyAdvisor, Roles.Administrator),
        ["GET /api/partners/care-map/docx"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.VictimCareCoordinator, Roles.PolicyAdvisor, Roles.Administrator),

        // Setting up an installation (issue 18): departments, indicators, the first-run checklist and the reference data
        // as a ZIP. The administrator changes; the policy advisor reads; every account reads the lists the intake shows.
        ["ANY /Setup"] = Access.OnlyFor(Roles.PolicyAdvisor, Roles.Administrator),
        ["ANY /Setup/Index"] = Access.OnlyFor(Roles.PolicyAdvisor, Roles.Administrator),
        ["ANY /Setup/Import"] = Access.OnlyFor(Roles.Administrator),
        ["ANY /Departments"] = Access.OnlyFor(Roles.PolicyAdvisor, Roles.Administrator),
        ["ANY /Departments/Index"] = Access.OnlyFor(Roles.PolicyAdvisor, Roles.Administrator),
        ["ANY /Departments/Edit/{id:int?}"] = Access.OnlyFor(Roles.Administrator),
        ["ANY /Indicators"] = Access.OnlyFor(Roles.PolicyAdvisor, Roles.Administrator),
        ["ANY /Indicators/Index"] = Access.OnlyFor(Roles.PolicyAdvisor, Roles.Administrator),
        ["ANY /Indicators/Edit"] = Access.OnlyFor(Roles.Administrator),
        // The lists the intake shows: every municipal role, not the regional analyst.
        ["GET /api/departments"] = Access.Municipal,
        ["POST /api/departments"] = Access.OnlyFor(Roles.Administrator),
        ["PUT /api/departments/{id:int}"] = Access.OnlyFor(Roles.Administrator),
        ["GET /api/indicators"] = Access.Municipal,
        ["PUT /api/indicators"] = Access.OnlyFor(Roles.Administrator),
        ["GET /api/reference-data"] = Access.OnlyFor(Roles.PolicyAdvisor, Roles.Administrator),
        ["POST /api/reference-data"] = Access.OnlyFor(Roles.Administrator),

        // The implementation agenda (issue 5): the policy advisor's.
        ["ANY /Agenda"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["ANY /Agenda/Index"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["ANY /Agenda/Activity/{id:int?}"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["GET /api/agenda"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["GET /api/agenda/xlsx"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["POST /api/agenda"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["PUT /api/agenda/{id:int}"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["POST /api/agenda/{id:int}/notes"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["ANY /Framework"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["ANY /Framework/Index"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["ANY /Framework/Block/{id:int}"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["GET /api/framework"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["PUT /api/framework/{id:int}"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["ANY /Training"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["ANY /Training/Index"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["ANY /Training/Record"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["GET /api/training"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["POST /api/training"] = Access.OnlyFor(Roles.PolicyAdvisor),
        ["PUT /api/training/departments/{id:int}"] = Access.OnlyFor(Roles.PolicyAdvisor),

        // Administrator
        ["ANY /Admin/Users"] = Access.OnlyFor(Roles.Administrator),
        ["ANY /Admin/Users/Index"] = Access.OnlyFor(Roles.Administrator),
        ["POST /api/users/{id}/role"] = Access.OnlyFor(Roles.Administrator),
        ["POST /api/users/{id}/block"] = Access.OnlyFor(Roles.Administrator),
        ["POST /api/users/{id}/unblock"] = Access.OnlyFor(Roles.Administrator),
        ["POST /api/users/{id}/password-reset"] = Access.OnlyFor(Roles.Administrator),
        ["GET /api/users/access-review"] = Access.OnlyFor(Roles.Administrator),
        ["GET /api/users/access-review/csv"] = Access.OnlyFor(Roles.Administrator),
        ["POST /api/users/access-review"] = Access.OnlyFor(Roles.Administrator),
        ["ANY /Admin/AccessReview"] = Access.OnlyFor(Roles.Administrator),
        ["ANY /Admin/AccessReview/Index"] = Access.OnlyFor(Roles.Administrator),

        // Identity's token API: sign-in and refresh for everyone; one's own account for the signed-in.
        ["POST /api/auth/login"] = Access.Public,
        ["POST /api/auth/refresh"] = Access.Public,
        ["POST /api/auth/manage/2fa"] = Access.NotExposed,
        ["GET /api/auth/manage/info"] = Access.SignedIn,
        ["POST /api/auth/register"] = Access.NotExposed,
        ["GET /api/auth/confirmEmail"] = Access.NotExposed,
        ["POST /api/auth/resendConfirmationEmail"] = Access.NotExposed,
        ["POST /api/auth/forgotPassword"] = Access.NotExposed,
        ["POST /api/auth/resetPassword"] = Access.NotExposed,
        ["POST /api/auth/manage/info"] = Access.NotExposed,

        // The reporting procedure's API (issue 3)
        ["POST /api/signals"] = Access.OnlyFor(Roles.Reporter, Roles.SpecialistOfficer),
        ["GET /api/my/signals"] = Access.OnlyFor(Roles.Reporter, Roles.SpecialistOfficer),
        ["GET /api/my/signals/{id:guid}"] = Access.OnlyFor(Roles.Reporter, Roles.SpecialistOfficer),
        ["GET /api/my/drafts"] = Access.OnlyFor(Roles.Reporter, Roles.SpecialistOfficer),
        ["POST /api/my/drafts"] = Access.OnlyFor(Roles.Reporter, Roles.SpecialistOfficer),
        ["GET /api/my/drafts/{id:guid}"] = Access.OnlyFor(Roles.Reporter, Roles.SpecialistOfficer),
        ["PUT /api/my/drafts/{id:guid}"] = Access.OnlyFor(Roles.Reporter, Roles.SpecialistOfficer),
        ["DELETE /api/my/drafts/{id:guid}"] = Access.OnlyFor(Roles.Reporter, Roles.SpecialistOfficer),
        ["GET /api/signals"] = Access.OnlyFor(Roles.SpecialistOfficer),
        ["GET /api/signals/{id:guid}"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.CaseTableMember),
        ["GET /api/signals/{id:guid}/attachments/{attachmentId:guid}"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.CaseTableMember),
        ["POST /api/signals/{id:guid}/take"] = Access.OnlyFor(Roles.SpecialistOfficer),
        ["POST /api/signals/{id:guid}/analysis"] = Access.OnlyFor(Roles.SpecialistOfficer),
        ["POST /api/meetings"] = Access.OnlyFor(Roles.SpecialistOfficer),
        ["GET /api/meetings/{id:guid}/decisions"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.CaseTableMember),
        // The case table as a meeting (issue 19): which meeting and signal per record, by the requirements (MeetingTests).
        ["GET /api/meetings/{id:guid}"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.CaseTableMember),
        ["PUT /api/meetings/{id:guid}/chair"] = Access.OnlyFor(Roles.SpecialistOfficer),
        ["PUT /api/meetings/{id:guid}/attendance"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.CaseTableMember),
        ["GET /api/meetings/{id:guid}/signals/{signalId:guid}/contributions"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.CaseTableMember),
        ["POST /api/meetings/{id:guid}/signals/{signalId:guid}/contributions"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.CaseTableMember),
        ["PUT /api/meetings/{id:guid}/contributions/{contributionId:guid}"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.CaseTableMember),
        ["GET /api/meetings/{id:guid}/minutes"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.CaseTableMember),
        ["POST /api/signals/{id:guid}/schedule"] = Access.OnlyFor(Roles.SpecialistOfficer),
        ["POST /api/signals/{id:guid}/decision"] = Access.OnlyFor(Roles.SpecialistOfficer, Roles.CaseTableMember),
        ["POST /api/signals/{id:guid}/balancing"] = Access.OnlyFor(Roles.SpecialistOfficer),
        ["GET /api/signals/{id:guid}/routes/{routeId:guid}/handover"] = Access.OnlyFor(Roles.SpecialistOfficer),
        ["POST /api/signals/{id:guid}/forwarding"] = Access.OnlyFor(Roles.SpecialistOfficer),
        ["POST /api/signals/{id:guid}/routes/{routeId:guid}/link"] = Access.OnlyFor(Roles.SpecialistOfficer),
        // The recipient's side of a one-time link: no account, the token is the credential (unknown: 404, used: 410).
        ["GET /api/handover/{token}"] = Access.Public,
        ["POST /api/handover/{token}/receipt"] = Access.Public,
        ["POST /api/signals/{id:guid}/close"] = Access.OnlyFor(Roles.SpecialistOfficer),
        ["POST /api/signals/{id:guid}/feedback"] = Access.OnlyFor(Roles.SpecialistOfficer),

        // Any other /api path: a 404 problem for everyone; any other page: the 404 page.
        ["ANY /api/{**path}"] = Access.Public,
        ["ANY /{*path:nonfile}"] = Access.Public,

        // Operations and the API description
        ["ANY /health/live"] = Access.Public,
        ["ANY /health/ready"] = Access.Public,
        // Static files are recognised by their metadata and public. This is MapStaticAssets' route for files that
        // are not in the build manifest (added after the build); it carries no policy, so the fallback denies it.
        ["GET /{**path:file}"] = Access.Nobody,
        ["HEAD /{**path:file}"] = Access.Nobody,
        ["GET /openapi/{documentName}.json"] = Access.Public,
    };
}
