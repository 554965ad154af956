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
