using System.Security.Claims;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;

namespace Meldroute.Web.Features.Shared;

/// <summary>One item of the main navigation: shown only to users whom its policy admits.</summary>
public sealed record NavigationItem(string TextKey, string Page, string Policy);

/// <summary>The main navigation. Each item names the same policy as the page it leads to.</summary>
public sealed class Navigation(IAuthorizationService authorization)
{
    public static readonly IReadOnlyList<NavigationItem> Items =
    [
        new("Nav_Home", "/Index", Policies.SignedIn),
        new("Nav_Audit", "/Audit/Index", Policies.PrivacyOfficer),
        new("Nav_Users", "/Admin/Users/Index", Policies.Administrator),
        new("Nav_Account", "/Account/Index", Policies.SignedIn),
    ];

    public async Task<IReadOnlyList<NavigationItem>> VisibleToAsync(ClaimsPrincipal user)
    {
        var visible = new List<NavigationItem>();
        foreach (var item in Items)
        {
            if ((await authorization.AuthorizeAsync(user, item.Policy)).Succeeded)
            {
                visible.Add(item);
            }
        }

        return visible;
    }
}
