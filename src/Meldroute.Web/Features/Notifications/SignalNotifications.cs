using System.Globalization;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Notifications;

/// <summary>
/// Queues the e-mails about signals: to the specialist officers when a signal arrives, to the reporter when the
/// general status of their signal changes. A mail names only the signal's reference and links to the app; what the
/// signal is about is read there, after signing in. The mails are added to the caller's unit of work (its
/// transaction) and sent later by <see cref="MailOutboxJob"/>.
/// </summary>
public sealed class SignalNotifications(MeldrouteDbContext db, IOptions<SmtpOptions> options, IOptions<Mailbox.MailboxOptions> mailbox, IStringLocalizer<SharedResource> t, TimeProvider clock)
    : ISignalChangeObserver
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl");

    public async Task NewSignalAsync(Signal signal, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return;
        }

        List<string> recipients;
        if (!string.IsNullOrWhiteSpace(o.OfficersAddress))
        {
            recipients = [o.OfficersAddress];
        }
        else
        {
            var now = clock.GetUtcNow();
            var officers = await (from r in db.Roles
                                  join ur in db.UserRoles on r.Id equals ur.RoleId
                                  join u in db.Users on ur.UserId equals u.Id
                                  where r.Name == Roles.SpecialistOfficer && u.Email != null
                                  select new { u.Email, u.LockoutEnd }).ToListAsync(cancellationToken);
            // A blocked (locked-out) account gets no mail.
            recipients = [.. officers.Where(u => u.LockoutEnd is null || u.LockoutEnd <= now).Select(u => u.Email!).Distinct(StringComparer.OrdinalIgnoreCase)];
        }

        var link = Link(o, $"/Handling/Signal/{signal.Id}");
        var (subject, body) = InDutch(() => (t["Mail_NewSignal_Subject", signal.Reference].Value, t["Mail_NewSignal_Body", signal.Reference, link].Value));
        foreach (var to in recipients)
        {
            Queue(to, subject, body);
        }
    }

    /// <summary>Before a change of a signal: its status and mailbox sender now, for the status mail once it changed.</summary>
    public Func<CancellationToken, Task> BeforeChange(Signal signal)
    {
        var before = signal.Status;
        var mailboxSender = MailboxSender(signal);
        return cancellationToken => ReporterStatusChangedAsync(signal, before, mailboxSender, cancellationToken);
    }

    /// <summary>
    /// The address a signal from the reporting mailbox came from, read before a change that may purge it (forwarding
    /// deletes the signal's personal data, the sender's address with it): only a sender configured under
    /// Mailbox:SenderDepartments, that is a colleague, ever gets a mail; an unknown or forged sender gets nothing.
    /// </summary>
    public string? MailboxSender(Signal signal) =>
        signal.Source == SignalSource.Mailbox && mailbox.Value.DepartmentFor(signal.SourceDetail) is not null
        && MimeKit.MailboxAddress.TryParse(signal.SourceDetail, out var address) ? address.Address : null;

    /// <summary>
    /// Queues a mail to the reporter when the status the reporter sees changed: to the account that submitted the
    /// signal, or, for a signal from the reporting mailbox (no account), to its known sender (<see cref="MailboxSender"/>),
    /// with the general status instead of a link the sender could not use.
    /// </summary>
    public async Task ReporterStatusChangedAsync(Signal signal, SignalStatus before, string? mailboxSender, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = SignalStateMachine.ForReporter(signal.Status);
        if (!o.Enabled || SignalStateMachine.ForReporter(before) == now)
        {
            return;
        }

        var email = await db.Users.Where(u => u.Id == signal.SubmittedById).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        var to = string.IsNullOrEmpty(email) ? mailboxSender : email;
        if (to is null)
        {
            return;
        }

        var (subject, body) = InDutch(() => (t["Mail_StatusChanged_Subject", signal.Reference].Value, to == email
            ? t["Mail_StatusChanged_Body", signal.Reference, Link(o, "/Intake/Mine")].Value
            : t["Mail_StatusChangedMailbox_Body", signal.Reference, t[$"ReporterStatus_{now}"].Value].Value));
        Queue(to, subject, body);
    }

    private void Queue(string to, string subject, string body)
    {
        var now = clock.GetUtcNow();
        db.OutboxMails.Add(new OutboxMail { To = to, Subject = subject, Body = body, CreatedAt = now, NextAttemptAt = now });
    }

    private static string Link(SmtpOptions o, string path) => o.AppUrl.TrimEnd('/') + path;

    /// <summary>Mails are in Dutch whatever language the user who caused them has chosen.</summary>
    private static T InDutch<T>(Func<T> text)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Dutch;
        try
        {
            return text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
