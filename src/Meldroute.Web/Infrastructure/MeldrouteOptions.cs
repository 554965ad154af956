namespace Meldroute.Web.Infrastructure;

/// <summary>Settings under the "Meldroute" configuration section.</summary>
public sealed class MeldrouteOptions
{
    public const string Section = "Meldroute";

    /// <summary>Seeds demo data and demo accounts and lets them sign in without a second factor. Never with PostgreSQL.</summary>
    public bool DemoMode { get; set; }

    public string MunicipalityName { get; set; } = "Gemeente Haarlemmermeer";

    /// <summary>A signed-in session ends after this many minutes without a request.</summary>
    public int IdleTimeoutMinutes { get; set; } = 20;

    /// <summary>How long a partner's one-time hand-over link works (IssueHandoverLink).</summary>
    public int HandoverLinkValidDays { get; set; } = 7;

    /// <summary>
    /// The address partners reach Meldroute on, e.g. https://meldroute.gemeente.nl, for the links given to them; when
    /// empty, the address of the officer's own request.
    /// </summary>
    public string? PublicUrl { get; set; }
}
