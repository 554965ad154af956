using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Meldroute.Tests.TestSupport;

/// <summary>A real SMTP server (the SmtpServer package) on a free loopback port that keeps every mail it receives.</summary>
public sealed class SmtpReceiver : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly SmtpServer.SmtpServer server;

    public SmtpReceiver(int? port = null)
    {
        Port = port ?? PostgresCluster.FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Mails));
        server = new SmtpServer.SmtpServer(options, services);
        _ = server.StartAsync(stop.Token);
        // Listening starts in the background: wait until it accepts connections (bounded).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }

    public int Port { get; }

    /// <summary>Each mail's envelope recipients and raw MIME text.</summary>
    public ConcurrentQueue<ReceivedMail> Mails { get; } = new();

    /// <summary>Waits until at least <paramref name="count"/> mails arrived (bounded), and answers them.</summary>
    public async Task<List<ReceivedMail>> WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Mails.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return [.. Mails];
    }

    public void Dispose()
    {
        stop.Cancel();
        server.Shutdown();
        stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<ReceivedMail> mails) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            mails.Enqueue(new ReceivedMail([.. transaction.To.Select(t => $"{t.User}@{t.Host}")], System.Text.Encoding.UTF8.GetString(buffer.ToArray())));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}

public sealed record ReceivedMail(IReadOnlyList<string> Recipients, string Mime);
