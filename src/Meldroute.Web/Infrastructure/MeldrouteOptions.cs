namespace Meldroute.Web.Infrastructure;

/// <summary>Settings under the "Meldroute" configuration section.</summary>
public sealed class MeldrouteOptions
{
    public const string Section = "Meldroute";

    /// <summary>Seeds demo data and demo accounts and lets them sign in without a second factor. Never with PostgreSQL.</summary>
    public bool DemoMode { get; set; }

    /// <summary>
    /// The name of the municipality while the installation serves one (it names the municipality an upgrade makes for the
    /// existing data, and is applied at every start while there is only that one). With several, each municipality has
    /// its own name (`municipalities add`) and the setting is not used.
    /// </summary>
    public string MunicipalityName { get; set; } = "Gemeente Haarlemmermeer";

    /// <summary>The CBS code (GM and four digits) of the single municipality, like <see cref="MunicipalityName"/>; optional.</summary>
    public string? MunicipalityCode { get; set; }

    /// <summary>
    /// With several municipalities: false (the default) and the partners and care map are shared by the region the
    /// installation serves; true and each new partner is its municipality's own, unseen by the others. One municipality: no difference.
    /// </summary>
    public bool PartnersPerMunicipality { get; set; }

    /// <summary>A signed-in session ends after this many minutes without a request.</summary>
    public int IdleTimeoutMinutes { get; set; } = 20;

    /// <summary>How long a partner's one-time hand-over link works (IssueHandoverLink).</summary>
    public int HandoverLinkValidDays { get; set; } = 7;

    /// <summary>
    /// The address partners reach Meldroute on, e.g. https://meldroute.gemeente.nl, for the links given to them; when
    /// empty, the address of the officer's own request.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// A restored copy (or any copy started with production settings: acceptance, an inspection after an incident):
    /// nothing leaves or enters by mail. The outbox job sends no mail (notifications queue in the copy's outbox) and the
    /// reporting mailbox is not polled, also not by `mailbox poll`. Set it when starting a restored backup (see
    /// docs/operations.md, "Backup and restore") and remove it only on the instance that becomes production.
    /// </summary>
    public bool RestoredCopy { get; set; }

    /// <summary>The setting's name, as the refusals and the backup command's restore instructions name it.</summary>
    public const string RestoredCopySetting = "Meldroute:RestoredCopy";

    /// <summary>The reverse proxies (IP addresses, comma separated) whose X-Forwarded-* headers are believed; none by default, not even loopback (nginx on the same machine: 127.0.0.1).</summary>
    public string? TrustedProxies { get; set; }

    /// <summary>The addresses of <see cref="TrustedProxies"/>; an entry that is no address is left out (and refused at start).</summary>
    public IEnumerable<System.Net.IPAddress> TrustedProxyAddresses() =>
        (TrustedProxies ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => System.Net.IPAddress.TryParse(p, out var address) ? address : null).OfType<System.Net.IPAddress>();
}

/// <summary>Checked at start (ValidateOnStart).</summary>
public sealed class MeldrouteOptionsValidation : Microsoft.Extensions.Options.IValidateOptions<MeldrouteOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, MeldrouteOptions options)
    {
        var problems = new List<string>();
        if (options.IdleTimeoutMinutes < 1 || options.HandoverLinkValidDays < 1)
        {
            problems.Add(StartupRefusal.Line("Meldroute:IdleTimeoutMinutes en Meldroute:HandoverLinkValidDays zijn minstens 1.", "Meldroute:IdleTimeoutMinutes and Meldroute:HandoverLinkValidDays must be at least 1"));
        }

        if (!string.IsNullOrWhiteSpace(options.PublicUrl) && !StartupRefusal.IsHttpUrl(options.PublicUrl))
        {
            problems.Add(StartupRefusal.Line("Meldroute:PublicUrl is geen volledig adres (https://…).", "Meldroute:PublicUrl must be an absolute http(s) address"));
        }

        foreach (var proxy in (options.TrustedProxies ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            problems.Add(StartupRefusal.Line($"Meldroute:TrustedProxies: '{proxy}' is geen IP-adres.", "every trusted proxy must be an IP address"));
        }

        if (!string.IsNullOrWhiteSpace(options.MunicipalityCode) && !Features.Municipalities.Municipality.IsCode(options.MunicipalityCode))
        {
            problems.Add(StartupRefusal.Line("Meldroute:MunicipalityCode is geen CBS-code (GM en vier cijfers, bijvoorbeeld GM0394).", "Meldroute:MunicipalityCode must be a CBS code such as GM0394"));
        }

        return problems.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problems);
    }
}
