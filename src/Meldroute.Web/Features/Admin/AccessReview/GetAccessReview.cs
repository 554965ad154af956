using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Admin.AccessReview;

/// <summary>One account as the review lists it.</summary>
public sealed record ReviewedAccount(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool TwoFactor, bool ExternalSignIn, DateTimeOffset? LastSignInAt, bool Blocked, bool Inactive);

public sealed record AccessReviewView(IReadOnlyList<ReviewedAccount> Accounts, DateTimeOffset? LastReviewAt, DateOnly DueOn, bool Overdue);

/// <summary>
/// GetAccessReview: once a year the administrator goes through every account with its roles and last sign-in, blocks
/// or changes what is no longer needed, and records that the review was done (<see cref="RecordAccessReview"/>).
/// Accounts without a sign-in for <see cref="InactiveAfterDays"/> days are marked. Viewing the list is not audited (it
/// is the administrator's own page); exporting and recording are.
/// </summary>
public static class GetAccessReview
{
    public const int InactiveAfterDays = 90;

    public static async Task<AccessReviewView> HandleAsync(MeldrouteDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name!);
        var external = (await db.UserLogins.Select(l => l.UserId).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var last = await db.AccessReviews.AsNoTracking().OrderByDescending(r => r.Id).Select(r => (DateTimeOffset?)r.CompletedAt).FirstOrDefaultAsync(cancellationToken);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var due = last is { } done ? DateOnly.FromDateTime(done.UtcDateTime).AddYears(1) : today;
        return new AccessReviewView(
            [.. accounts.Select(u => new ReviewedAccount(
                u.Id, u.Email ?? "", u.DisplayName, [.. roles[u.Id].Order(StringComparer.Ordinal)], u.TwoFactorEnabled, external.Contains(u.Id), u.LastSignInAt,
                Account.MeldrouteUser.IsBlocked(u.LockoutEnd),
                (u.LastSignInAt ?? DateTimeOffset.MinValue) < now.AddDays(-InactiveAfterDays)))],
            last, due, due <= today);
    }
}
