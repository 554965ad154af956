using System.Security.Claims;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;

namespace Meldroute.Web.Features.Shared;

/// <summary>One item of the main navigation: shown only to users whom its policy admits, with a number where it counts something.</summary>
public sealed record NavigationItem(string TextKey, string Page, string Policy, Func<MeldrouteDbContext, CancellationToken, Task<int>>? Count = null);

/// <summary>One link of the main navigation as the layout shows it: the item, its count, whether it is the current page.</summary>
public sealed record NavigationLink(NavigationItem Item, int? Count, bool Current);

/// <summary>The main navigation. Each item names the same policy as the page it leads to.</summary>
public sealed class Navigation(IAuthorizationService authorization, MeldrouteDbContext db)
{
    /// <summary>The most a navigation count counts: from there on it shows "meer dan" one less.</summary>
    public const int CountMax = 100;

    public static readonly IReadOnlyList<NavigationItem> Items =
    [
        new("Nav_Home", "/Index", Policies.SignedIn),
        new("Nav_NewSignal", "/Intake/New", Policies.Submitter),
        new("Nav_MySignals", "/Intake/Mine", Policies.Submitter),
        new("Nav_Inbox", "/Handling/Index", Policies.SpecialistOfficer, Signal.CountReceivedAsync),
        new("Nav_CaseTable", "/CaseTable/Index", Policies.SignalReader),
        new("Nav_Dossiers", "/VictimDossiers/Index", Policies.VictimCareCoordinator),
        new("Nav_Figures", "/Figures/Index", Policies.FiguresReader),
        new("Nav_CaseData", "/CaseData/Index", Policies.CaseDataExporter),
        new("Nav_Region", "/Region/Index", Policies.RegionalAnalyst),
        new("Nav_Audit", "/Audit/Index", Policies.PrivacyOfficer),
        new("Nav_Retention", "/Retention/Index", Policies.PrivacyOfficer),
        new("Nav_Register", "/Privacy/Register", Policies.PrivacyOfficer),
        new("Nav_SubjectAccess", "/Privacy/SubjectAccess", Policies.PrivacyOfficer),
        new("Nav_Partners", "/Partners/Index", Policies.PartnerReader),
        new("Nav_CareMap", "/Partners/CareMap", Policies.PartnerReader),
        new("Nav_Agenda", "/Agenda/Index", Policies.PolicyAdvisor),
        new("Nav_Framework", "/Framework/Index", Policies.PolicyAdvisor),
        new("Nav_Training", "/Training/Index", Policies.PolicyAdvisor),
        new("Nav_Users", "/Admin/Users/Index", Policies.Administrator),
        new("Nav_AccessReview", "/Admin/AccessReview/Index", Policies.Administrator),
        new("Nav_Setup", "/Setup/Index", Policies.ReferenceDataReader),
        new("Nav_Account", "/Account/Index", Policies.SignedIn),
    ];

    /// <summary>The items the user may open, each with its count (the officer's inbox: the new signals).</summary>
    public async Task<IReadOnlyList<(NavigationItem Item, int? Count)>> VisibleToAsync(ClaimsPrincipal user)
    {
        var visible = new List<(NavigationItem, int?)>();
        foreach (var item in Items)
        {
            if ((await authorization.AuthorizeAsync(user, item.Policy)).Succeeded)
            {
                var count = item.Count is { } counter ? await counter(db, CancellationToken.None) : (int?)null;
                visible.Add((item, count));
            }
        }

        return visible;
    }
}
