using System.Globalization;
using System.Security.Claims;
using Meldroute.Web.Features.Admin.AccessReview;
using Meldroute.Web.Features.Setup;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.Home;

/// <summary>
/// The administrator's block: how much of the first-run checklist is done, the accounts that sign in without a second
/// factor (local accounts, not blocked, without an authenticator app; accounts of the identity provider get theirs
/// there), and when the yearly access review is due — by the checklist's and the review's own rules.
/// </summary>
public static class AdministratorBlock
{
    public static async Task<DashboardBlock> BuildAsync(DashboardServices s, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var setup = await SetupChecklist.GetAsync(s.Db, cancellationToken);
        var done = setup.Count(i => i.Done);
        var review = await GetAccessReview.HandleAsync(s.Db, s.Clock.GetUtcNow(), cancellationToken);
        var withoutSecondFactor = review.Accounts.Count(a => !a.TwoFactor && !a.ExternalSignIn && !a.Blocked);
        var dueOn = review.DueOn.ToString("d", CultureInfo.CurrentCulture);
        return new DashboardBlock(Roles.Administrator, s.T["Role_" + Roles.Administrator],
        [
            new("setup", done, s.T["Dashboard_Setup", done, setup.Count], "/Setup", Attention: done < setup.Count),
            new("accounts-without-mfa", withoutSecondFactor, s.T.Plural("Dashboard_WithoutSecondFactor", withoutSecondFactor), "/Admin/AccessReview", Attention: withoutSecondFactor > 0),
            review.LastReviewAt is null ? new("access-review", null, s.T["Review_Never"], "/Admin/AccessReview", Attention: true)
                : review.Overdue ? new("access-review", null, s.T["Dashboard_ReviewOverdue", dueOn], "/Admin/AccessReview", Attention: true)
                : new("access-review", null, s.T["Dashboard_ReviewDue", dueOn], "/Admin/AccessReview"),
        ]);
    }
}
