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
}
