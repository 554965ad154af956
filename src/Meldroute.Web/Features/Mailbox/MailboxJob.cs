using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Mailbox;

/// <summary>
/// Polls the reporting mailbox every <see cref="MailboxOptions.PollSeconds"/> while <see cref="MailboxOptions.Enabled"/>.
/// With several app instances only one reads the mailbox at a time (<see cref="SingleRun.TryExclusiveAsync"/>); should
/// two ever overlap, a message's signal is still created once (its idempotency key) and deleting a message twice is
/// harmless. A failed round is logged without content and tried again at the next one.
/// </summary>
public sealed class MailboxJob(MailboxReader reader, IServiceScopeFactory scopes, TimeProvider clock, IOptions<MailboxOptions> options, ILogger<MailboxJob> logger, Infrastructure.DatabasePreparation preparation) : BackgroundService
{
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
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
                await SingleRun.TryExclusiveAsync(db, "mailbox", async ct => await reader.PollAsync(ct), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is ImapCommandException or ImapProtocolException or ServiceNotConnectedException or AuthenticationException or SslHandshakeException
                or SocketException or IOException or TimeoutException or FolderNotFoundException or DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
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
