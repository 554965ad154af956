using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Meldroute.Web.Features.Notifications;

/// <summary>
/// Sends the queued notifications (<see cref="OutboxMail"/>) every <see cref="SmtpOptions.PollSeconds"/>. A mail is
/// claimed by one app instance at a time, deleted once the server accepted it, and otherwise tried again later with a
/// growing pause. Log lines name no recipient and no server answer (which may quote the address): only counts and the
/// kind of failure.
/// </summary>
public sealed class MailOutboxJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SmtpOptions> options, ILogger<MailOutboxJob> logger, Infrastructure.DatabasePreparation preparation) : BackgroundService
{
    private const int Batch = 50;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await preparation.WaitAsync(stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), clock, stoppingToken);
                await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                logger.LogError("Reading the mail outbox failed ({Failure}); the next round tries again.", e.GetType().Name);
            }
        }
    }

    /// <summary>
    /// The outbox of every municipality: the installation sends all mail through its one SMTP server, and each mail is
    /// addressed already; nothing of it is shown to anyone.
    /// </summary>
    private static IQueryable<OutboxMail> Outbox(MeldrouteDbContext db) => db.OutboxMails.IgnoreQueryFilters();

    /// <summary>Sends every mail that is due; answers how many the server accepted.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var now = clock.GetUtcNow();
        var due = await Outbox(db).AsNoTracking()
            .Where(m => m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(Batch).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        using var client = new SmtpClient();
        int sent = 0, failed = 0;
        foreach (var id in due)
        {
            var claimedUntil = now + ClaimFor;
            var claimed = await Outbox(db)
                .Where(m => m.Id == id && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.ClaimedUntil, claimedUntil), cancellationToken);
            if (claimed == 0)
            {
                continue; // another instance has it
            }

            var mail = await Outbox(db).AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
            try
            {
                if (!client.IsConnected)
                {
                    await ConnectAsync(client, o, cancellationToken);
                }

                await client.SendAsync(Message(o, mail), cancellationToken);
                await Outbox(db).Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken);
                sent++;
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException or SslHandshakeException or SocketException or IOException or TimeoutException or ParseException or FormatException)
            {
                failed++;
                await FailedAsync(db, mail, o, e, now, cancellationToken);
                if (e is not SmtpCommandException)
                {
                    // The connection is gone or unusable: the rest waits for the next round.
                    break;
                }
            }
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }

        if (sent > 0 || failed > 0)
        {
            logger.LogInformation("Mail outbox: {Sent} sent, {Failed} failed.", sent, failed);
        }

        return sent;
    }

    private async Task FailedAsync(MeldrouteDbContext db, OutboxMail mail, SmtpOptions o, Exception e, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var attempts = mail.Attempts + 1;
        var status = e is SmtpCommandException command ? (int)command.StatusCode : 0;
        if (attempts >= o.MaxAttempts)
        {
            await Outbox(db).Where(m => m.Id == mail.Id).ExecuteDeleteAsync(cancellationToken);
            logger.LogError("A notification was dropped after {Attempts} failed attempts ({Failure}, SMTP status {Status}).", attempts, e.GetType().Name, status);
            return;
        }

        // 1, 2, 4 … minutes, at most an hour between attempts.
        var next = now + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, attempts - 1)));
        await Outbox(db).Where(m => m.Id == mail.Id).ExecuteUpdateAsync(
            m => m.SetProperty(x => x.Attempts, attempts).SetProperty(x => x.NextAttemptAt, next).SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null),
            cancellationToken);
        logger.LogWarning("Sending a notification failed (attempt {Attempts}, {Failure}, SMTP status {Status}); it is tried again later.", attempts, e.GetType().Name, status);
    }

    private static async Task ConnectAsync(SmtpClient client, SmtpOptions o, CancellationToken cancellationToken)
    {
        await client.ConnectAsync(o.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), o.Port, o.Security, cancellationToken);
        if (!string.IsNullOrEmpty(o.User))
        {
            await client.AuthenticateAsync(o.User, o.Password ?? "", cancellationToken);
        }
    }

    private static MimeMessage Message(SmtpOptions o, OutboxMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = mail.Body };
        return message;
    }
}
