using Meldroute.Web.Features.Municipalities;
using Microsoft.AspNetCore.Identity;

namespace Meldroute.Web.Features.Account;

/// <summary>An employee's account. The e-mail address is the user name.</summary>
public sealed class MeldrouteUser : IdentityUser, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public string DisplayName { get; set; } = "";

    public int? DepartmentId { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>Set for a one-time password from the administrator: until it is changed, the account reaches nothing else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// Where a block starts: blocking sets the lock-out to the end of time, a lock-out after failed sign-ins ends soon.
    /// A day's margin, because SQLite keeps instants to the millisecond and gives the end of time back a little earlier.
    /// </summary>
    public static readonly DateTimeOffset BlockedFrom = DateTimeOffset.MaxValue.AddDays(-1);

    /// <summary>Whether a lock-out is a block by the administrator (not one after failed sign-ins).</summary>
    public static bool IsBlocked(DateTimeOffset? lockoutEnd) => lockoutEnd >= BlockedFrom;
}
