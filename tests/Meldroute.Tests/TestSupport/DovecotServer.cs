using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Meldroute.Tests.TestSupport;

/// <summary>
/// A throwaway IMAP server for the whole test run: Debian's dovecot-imapd in the foreground on a free loopback port,
/// with a passwd-file of test mailboxes and maildirs in a temp folder, plain IMAP without TLS. As root, dovecot's own
/// system users (dovecot, dovenull, made by the package) run its processes and own the mail; otherwise the current
/// user does. Each test gets a mailbox of its own (<see cref="CreateMailbox"/>).
/// </summary>
public sealed class DovecotServer
{
    private static readonly Lazy<DovecotServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string root;
    private readonly Process process;
    private readonly string uid;
    private readonly string gid;
    private int mailboxes;

    private DovecotServer(string root, int port, Process process, string uid, string gid)
    {
        this.root = root;
        Port = port;
        this.process = process;
        this.uid = uid;
        this.gid = gid;
    }

    public static DovecotServer Instance => Shared.Value;

    public int Port { get; }

    /// <summary>A new empty mailbox: its user name and password.</summary>
    public (string User, string Password) CreateMailbox()
    {
        var user = "meldpunt" + Interlocked.Increment(ref mailboxes).ToString(CultureInfo.InvariantCulture);
        var password = Guid.NewGuid().ToString("N");
        lock (process)
        {
            // dovecot reads the passwd-file again when it changes.
            File.AppendAllText(Path.Combine(root, "passwd"), $"{user}:{{PLAIN}}{password}:{uid}:{gid}::{Path.Combine(root, "mail", user)}\n");
        }

        return (user, password);
    }

    /// <summary>Puts a message into a mailbox's inbox, as a sender's mail would arrive.</summary>
    public async Task AppendAsync((string User, string Password) box, MimeKit.MimeMessage message)
    {
        using var client = await OpenInboxAsync(box);
        await client.Inbox.AppendAsync(new MailKit.AppendRequest(message));
        await client.DisconnectAsync(true);
    }

    /// <summary>How many messages a mailbox's inbox holds.</summary>
    public async Task<int> CountAsync((string User, string Password) box)
    {
        using var client = await OpenInboxAsync(box);
        var count = client.Inbox.Count;
        await client.DisconnectAsync(true);
        return count;
    }

    private async Task<MailKit.Net.Imap.ImapClient> OpenInboxAsync((string User, string Password) box)
    {
        var client = new MailKit.Net.Imap.ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(box.User, box.Password);
        await client.Inbox.OpenAsync(MailKit.FolderAccess.ReadWrite);
        return client;
    }

    private static DovecotServer Start()
    {
        var root = Path.Combine(Path.GetTempPath(), "meldroute-imap-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(root, "mail"));
        Directory.CreateDirectory(Path.Combine(root, "run"));
        Directory.CreateDirectory(Path.Combine(root, "state"));
        File.WriteAllText(Path.Combine(root, "passwd"), "");
        var asRoot = Environment.UserName == "root";
        var (user, group) = asRoot ? ("dovecot", "dovecot") : (Environment.UserName, Output("id", "-gn"));
        var (uid, gid) = (Output("id", "-u", user), Output("id", "-g", user));
        if (asRoot)
        {
            Output("chown", "-R", "dovecot:dovecot", Path.Combine(root, "mail"));
        }

        var port = PostgresCluster.FreePort();
        File.WriteAllText(Path.Combine(root, "dovecot.conf"), $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{root}}/run
            state_dir = {{root}}/state
            log_path = {{root}}/dovecot.log
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            default_internal_user = {{user}}
            default_internal_group = {{group}}
            default_login_user = {{(asRoot ? "dovenull" : user)}}
            mail_location = maildir:{{root}}/mail/%u
            first_valid_uid = 1
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{root}}/passwd
            }
            userdb {
              driver = passwd-file
              args = username_format=%u {{root}}/passwd
            }
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service anvil {
              chroot =
            }
            """);
        var binary = File.Exists("/usr/sbin/dovecot") ? "/usr/sbin/dovecot" : "dovecot";
        // A watchdog shell, detached (setsid -f) so that killing the test host's process tree leaves it, stops dovecot
        // and removes the folder once the test process is gone: a killed test host runs no exit handler.
        var start = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[]
        {
            "-f", "/bin/sh", "-c", "\"$1\" -F -c \"$2\" & d=$!; while kill -0 \"$3\" 2>/dev/null && kill -0 $d 2>/dev/null; do sleep 1; done; kill $d 2>/dev/null; wait $d; rm -rf \"$4\"",
            "sh", binary, Path.Combine(root, "dovecot.conf"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), root,
        })
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dovecot (apt-get install dovecot-imapd).");
        var server = new DovecotServer(root, port, process, uid, gid);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect("127.0.0.1", port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
            catch (SocketException)
            {
                throw new InvalidOperationException("dovecot did not start: " + (File.Exists(Path.Combine(root, "dovecot.log")) ? File.ReadAllText(Path.Combine(root, "dovecot.log")) : "no log"));
            }
        }
    }

    private static string Output(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return output;
    }
}
