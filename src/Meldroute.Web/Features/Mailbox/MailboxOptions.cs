using MailKit.Security;
using Meldroute.Web.Features.Notifications;

namespace Meldroute.Web.Features.Mailbox;

/// <summary>Settings under "Mailbox": the reporting mailbox (Haarlemmermeer: vreemdverhaal@…) read over IMAP.</summary>
public sealed class MailboxOptions
{
    public const string Section = "Mailbox";

    /// <summary>When true the app polls the mailbox every <see cref="PollSeconds"/>; `mailbox poll` works either way.</summary>
    public bool Enabled { get; set; }

    public string? Host { get; set; }

    public int Port { get; set; } = 993;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.SslOnConnect;

    public string? User { get; set; }

    /// <summary>From the environment (Mailbox__Password) or, better, the secrets folder (a file Mailbox__Password, docs/operations.md); never in the repository.</summary>
    public string? Password { get; set; }

    public string Folder { get; set; } = "INBOX";

    /// <summary>
    /// The CBS code (e.g. GM0394) of the municipality whose mailbox this is, which its signals go to; needed when the
    /// installation serves several municipalities, otherwise the one there is.
    /// </summary>
    public string? Municipality { get; set; }

    public int PollSeconds { get; set; } = 60;

    /// <summary>Larger messages stay in the mailbox (with a warning in the log) for an officer to handle by hand.</summary>
    public long MaxMessageBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>
    /// Sender address or domain → department name: <c>Mailbox:SenderDepartments:leerplicht@haarlemmermeer.nl = Leerplicht</c>.
    /// An exact address wins over its domain; a sender that matches neither, or a name that is no department, leaves the department empty.
    /// </summary>
    public Dictionary<string, string> SenderDepartments { get; set; } = [];

    /// <summary>The department name configured for a sender address, or null.</summary>
    public string? DepartmentFor(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var map = new Dictionary<string, string>(SenderDepartments, StringComparer.OrdinalIgnoreCase);
        var at = address.LastIndexOf('@');
        return map.TryGetValue(address.Trim(), out var byAddress) ? byAddress
            : at >= 0 && map.TryGetValue(address[(at + 1)..].Trim(), out var byDomain) ? byDomain
            : null;
    }
}

/// <summary>Checked at start (ValidateOnStart) when the mailbox is polled.</summary>
public sealed class MailboxOptionsValidation : Microsoft.Extensions.Options.IValidateOptions<MailboxOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, MailboxOptions options)
    {
        if (!options.Enabled)
        {
            return Microsoft.Extensions.Options.ValidateOptionsResult.Success;
        }

        var problems = Infrastructure.StartupRefusal.MailServerProblems(MailboxOptions.Section, options.Host, options.Port, options.Security).ToList();
        if (string.IsNullOrWhiteSpace(options.User) || string.IsNullOrEmpty(options.Password))
        {
            problems.Add(Infrastructure.StartupRefusal.Line(
                "Mailbox:User en Mailbox:Password zijn nodig terwijl Mailbox:Enabled aan staat (het wachtwoord als bestand in de geheimenmap).",
                "Mailbox:User and Mailbox:Password are required while the mailbox is polled"));
        }

        if (string.IsNullOrWhiteSpace(options.Folder) || options.PollSeconds < 5 || options.MaxMessageBytes < 1)
        {
            problems.Add(Infrastructure.StartupRefusal.Line(
                "Mailbox:Folder mag niet leeg zijn, Mailbox:PollSeconds is minstens 5 en Mailbox:MaxMessageBytes minstens 1.",
                "Mailbox:Folder must be set, Mailbox:PollSeconds at least 5, Mailbox:MaxMessageBytes at least 1"));
        }

        return problems.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problems);
    }
}
