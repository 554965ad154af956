using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Mailbox;

/// <summary>
/// Polls the reporting mailbox every <see cref="MailboxOptions.PollSeconds"/> while <see cref="MailboxOptions.Enabled"/>.
/// Several app instances may poll at once: a message's signal is created once (its idempotency key), and deleting a
/// message twice is harmless. A failed round is logged without content and tried again at the next one.
/// </summary>
public sealed class MailboxJob(MailboxReader reader, TimeProvider clock, IOptions<MailboxOptions> options, ILogger<MailboxJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await reader.PollAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is ImapCommandException or ImapProtocolException or ServiceNotConnectedException or AuthenticationException or SslHandshakeException
                or SocketException or IOException or TimeoutException or FolderNotFoundException or DbUpdateException or InvalidOperationException)
            {
                logger.LogError("Reading the reporting mailbox failed ({Failure}); the next round tries again.", e.GetType().Name);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(5, options.Value.PollSeconds)), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
