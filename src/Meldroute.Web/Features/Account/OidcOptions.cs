using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.Account;

/// <summary>
/// Settings under "Meldroute:Oidc": sign-in through the municipality's identity provider (Entra ID, Keycloak, …),
/// beside the local accounts. The client secret comes from the environment or a secrets file, never from the repository.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Meldroute:Oidc";

    /// <summary>The authentication scheme, and the login provider name of the accounts' external logins.</summary>
    public const string Scheme = "oidc";

    public const string CallbackPath = "/signin-oidc";

    public bool Enabled { get; set; }

    /// <summary>Where the discovery document lives: {Authority}/.well-known/openid-configuration.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string? ClientSecret { get; set; }

    /// <summary>The exact "iss" every id token must carry; a token from any other issuer is refused.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The name on the sign-in button: "Inloggen met {DisplayName}".</summary>
    public string DisplayName { get; set; } = "Gemeente-account";

    /// <summary>The id token claim whose values are looked up in <see cref="RoleMap"/>.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The identity provider's role (or group) value → a Meldroute role name (<see cref="Roles"/>).</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The id token's "amr" must contain "mfa": the identity provider did the second factor, so these accounts do
    /// not set up an authenticator app in Meldroute.
    /// </summary>
    public bool RequireMfa { get; set; } = true;

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Refuses to start with an incomplete configuration rather than failing at the first sign-in.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            problems.Add("Authority");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            problems.Add("ClientId");
        }

        if (string.IsNullOrWhiteSpace(Issuer))
        {
            problems.Add("Issuer");
        }

        if (string.IsNullOrWhiteSpace(RoleClaim))
        {
            problems.Add("RoleClaim");
        }

        if (RoleMap.Count == 0 || RoleMap.Values.Any(r => !Roles.All.Contains(r)))
        {
            problems.Add("RoleMap (" + string.Join(", ", Roles.All) + ")");
        }

        if (problems.Count > 0)
        {
            throw new Infrastructure.StartupRefusedException(
                "Meldroute:Oidc:Enabled staat aan, maar deze instellingen ontbreken of kloppen niet: " + string.Join("; ", problems) +
                ". (OpenID Connect sign-in is enabled but these settings are missing or invalid; Meldroute refuses to start.)");
        }
    }

    /// <summary>The Meldroute roles the identity provider's values map to (distinct, in the order of <see cref="Roles.All"/>).</summary>
    public IReadOnlyList<string> MapRoles(IEnumerable<string> values)
    {
        var mapped = values.Select(v => RoleMap.TryGetValue(v, out var role) ? role : null).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return Roles.All.Where(mapped.Contains).ToList();
    }
}
