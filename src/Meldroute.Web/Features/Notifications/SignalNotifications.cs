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
public sealed class SignalNotifications(MeldrouteDbContext db, IOptions<SmtpOptions> options, IStringLocalizer<SharedResource> t, TimeProvider clock)
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

    /// <summary>Queues a mail to the reporter when the status the reporter sees changed; signals from the mailbox have no reporter account.</summary>
    public async Task ReporterStatusChangedAsync(Signal signal, SignalStatus before, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Enabled || SignalStateMachine.ForReporter(before) == SignalStateMachine.ForReporter(signal.Status))
        {
            return;
        }

        var email = await db.Users.Where(u => u.Id == signal.SubmittedById).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (string.IsNullOrEmpty(email))
        {
            return;
        }

        var link = Link(o, "/Intake/Mine");
        var (subject, body) = InDutch(() => (t["Mail_StatusChanged_Subject", signal.Reference].Value, t["Mail_StatusChanged_Body", signal.Reference, link].Value));
        Queue(email, subject, body);
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
