using MailKit.Security;

namespace Meldroute.Web.Features.Notifications;

/// <summary>Settings under "Smtp": e-mail notifications to officers and reporters. Off unless enabled.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>When false no notification is queued or sent.</summary>
    public bool Enabled { get; set; }

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>The sender address, e.g. noreply@haarlemmermeer.nl.</summary>
    public string From { get; set; } = "";

    /// <summary>Optional account at the SMTP server.</summary>
    public string? User { get; set; }

    /// <summary>From the environment (Smtp__Password) or the secrets folder (a file Smtp__Password, docs/operations.md); never in the repository.</summary>
    public string? Password { get; set; }

    /// <summary>Where the app is reached by its users, e.g. https://meldroute.haarlemmermeer.nl: the mails link there.</summary>
    public string AppUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>One address (e.g. the team mailbox of the specialist officers) instead of every officer's account.</summary>
    public string? OfficersAddress { get; set; }

    /// <summary>How often the outbox is looked at, in seconds.</summary>
    public int PollSeconds { get; set; } = 15;

    /// <summary>After this many failed attempts a mail is dropped (with an error in the log).</summary>
    public int MaxAttempts { get; set; } = 20;
}

/// <summary>Checked at start (ValidateOnStart): with mail on, a mail that cannot be sent must stop the start, not be dropped after 20 attempts.</summary>
public sealed class SmtpOptionsValidation : Microsoft.Extensions.Options.IValidateOptions<SmtpOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!options.Enabled)
        {
            return Microsoft.Extensions.Options.ValidateOptionsResult.Success;
        }

        var problems = Infrastructure.StartupRefusal.MailServerProblems(SmtpOptions.Section, options.Host, options.Port, options.Security).ToList();
        if (!MimeKit.MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            problems.Add(Infrastructure.StartupRefusal.Line(
                "Smtp:From ontbreekt of is geen e-mailadres terwijl Smtp:Enabled aan staat (bijvoorbeeld noreply@gemeente.nl).",
                "Smtp:From is missing or no e-mail address while mail is on"));
        }

        if (!Infrastructure.StartupRefusal.IsHttpUrl(options.AppUrl))
        {
            problems.Add(Infrastructure.StartupRefusal.Line(
                "Smtp:AppUrl is geen volledig adres (https://…); de links in de mails zouden niet werken.",
                "Smtp:AppUrl must be an absolute http(s) address"));
        }

        if (!string.IsNullOrWhiteSpace(options.User) && string.IsNullOrEmpty(options.Password))
        {
            problems.Add(Infrastructure.StartupRefusal.Line("Smtp:User is gezet zonder Smtp:Password.", "Smtp:User is set without Smtp:Password"));
        }

        if (options.PollSeconds < 1 || options.MaxAttempts < 1)
        {
            problems.Add(Infrastructure.StartupRefusal.Line("Smtp:PollSeconds en Smtp:MaxAttempts zijn minstens 1.", "Smtp:PollSeconds and Smtp:MaxAttempts must be at least 1"));
        }

        return problems.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problems);
    }
}
