using System.Globalization;
using System.Security.Claims;

namespace Meldroute.Web.Features.Municipalities;

/// <summary>
/// Which municipality the work of one request or job is for: the one place the context's query filters and its
/// stamping of new rows read it from (<see cref="Infrastructure.Data.MeldrouteDbContext"/>).
/// <list type="bullet">
/// <item>Set explicitly (<see cref="Use"/>) by a job or command that works per municipality, and by the recipient's side of
/// a hand-over link, which has no account but whose link names its municipality.</item>
/// <item>Otherwise the signed-in account's municipality, from its claim (<see cref="Claim"/>).</item>
/// <item>Otherwise, in an installation with one municipality, that one: nothing of another can be seen because there is
/// none. With several, nothing: every filtered query answers no rows and a new row is refused.</item>
/// </list>
/// </summary>
public sealed class MunicipalityScope(IHttpContextAccessor http, MunicipalityDirectory directory, Microsoft.Extensions.Options.IOptions<Infrastructure.MeldrouteOptions> options)
{
    /// <summary>New partners are the current municipality's own rather than the region's (<see cref="Infrastructure.MeldrouteOptions.PartnersPerMunicipality"/>).</summary>
    public bool PartnersPerMunicipality => options.Value.PartnersPerMunicipality;

    /// <summary>The claim with the id of the account's municipality, added at every sign-in and token refresh.</summary>
    public const string Claim = "meldroute:municipality";

    private int? chosen;

    /// <summary>The current municipality, or null when there is none (several municipalities and no account).</summary>
    public int? Id => chosen ?? OfUser(http.HttpContext?.User) ?? directory.SoleId;

    /// <summary>
    /// The current municipality's name for pages and documents; with several municipalities and none current (a page
    /// before sign-in) the region they share, or nothing.
    /// </summary>
    public string Name => directory.Find(Id)?.Name
        ?? (directory.All.Select(m => m.Region).Distinct().ToList() is [{ } region] ? region : "");

    /// <summary>From now on the work of this scope is for <paramref name="municipalityId"/>.</summary>
    public void Use(int municipalityId) => chosen = municipalityId;

    /// <summary>The municipality of a signed-in principal, from its claim.</summary>
    public static int? OfUser(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && int.TryParse(user.FindFirstValue(Claim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
