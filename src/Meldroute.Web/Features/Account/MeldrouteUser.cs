using Microsoft.AspNetCore.Identity;

namespace Meldroute.Web.Features.Account;

/// <summary>An employee's account. The e-mail address is the user name.</summary>
public sealed class MeldrouteUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public int? DepartmentId { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>Set for a one-time password from the administrator: until it is changed, the account reaches nothing else.</summary>
    public bool MustChangePassword { get; set; }
}
