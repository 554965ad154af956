using System.Globalization;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Mailbox;
using Meldroute.Web.Features.Notifications;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace Meldroute.Tests.Infrastructure.Commands;

/// <summary>
/// A restored copy started with production settings (mail on, mailbox on) and Meldroute:RestoredCopy=true: it sends no
/// mail and does not read the mailbox, not in the background and not with `mailbox poll`.
/// </summary>
[Trait("Category", "Process")]
public abstract class RestoredCopyTests(Database database)
{
    private readonly (string User, string Password) box = DovecotServer.Instance.CreateMailbox();

    [Fact]
    public async Task With_the_switch_no_mail_is_sent_and_the_mailbox_is_not_polled()
    {
        using var smtp = new SmtpReceiver();
        using var app = new MeldrouteAppFactory(database, settings: new Dictionary<string, string?>
        {
            ["Meldroute:RestoredCopy"] = "true",
            ["Smtp:Enabled"] = "true",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "noreply@gemeente.test",
            ["Smtp:PollSeconds"] = "1",
            ["Mailbox:Enabled"] = "true",
            ["Mailbox:Host"] = "127.0.0.1",
            ["Mailbox:Port"] = DovecotServer.Instance.Port.ToString(CultureInfo.InvariantCulture),
            ["Mailbox:Security"] = "None",
            ["Mailbox:User"] = box.User,
            ["Mailbox:Password"] = box.Password,
            ["Mailbox:PollSeconds"] = "5",
        });
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Team Leerplicht", "leerplicht@gemeente.test"));
        message.To.Add(new MailboxAddress("Meldpunt", "meldpunt@gemeente.test"));
        message.Subject = "Zorgen over een leerling";
        message.Body = new TextPart("plain") { Text = "Leerling werkt 's nachts in een nagelsalon." };
        await DovecotServer.Instance.AppendAsync(box, message);
        await app.CreateAsync(Roles.SpecialistOfficer);
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));

        // A new signal queues a mail to the officer, as in production.
        await reporter.SubmitAsync(ProcedureApi.NewSignal("Jonge vrouw werkt dag en nacht in een nagelsalon, herstelde kopie."));
        Assert.Equal(1, await InDatabaseAsync(app, db => db.OutboxMails.CountAsync()));
        // Neither background job runs, so more than a round of each passes without mail out or in.
        var hosted = app.Services.GetServices<IHostedService>().ToList();
        Assert.DoesNotContain(hosted, h => h is MailOutboxJob or MailboxJob);
        await Task.Delay(TimeSpan.FromSeconds(7));

        Assert.Empty(smtp.Mails);
        Assert.Equal(1, await InDatabaseAsync(app, db => db.OutboxMails.CountAsync()));
        Assert.Equal(1, await DovecotServer.Instance.CountAsync(box));
        Assert.Equal(1, await InDatabaseAsync(app, db => db.Signals.CountAsync()));
        Assert.Contains(app.Logs.Lines, l => l.StartsWith("Warning ", StringComparison.Ordinal) && l.Contains("Meldroute:RestoredCopy is on", StringComparison.Ordinal));

        // The operator command refuses too.
        var poll = await OperatorProcess.RunAsync(
            app, "mailbox", "poll", "--Meldroute:RestoredCopy=true", "--Mailbox:Host=127.0.0.1", $"--Mailbox:Port={DovecotServer.Instance.Port}", "--Mailbox:Security=None", $"--Mailbox:User={box.User}", $"--Mailbox:Password={box.Password}");
        Assert.True(poll.ExitCode == 2, poll.Output);
        Assert.Contains("een herstelde kopie leest de meldmailbox niet", poll.Output, StringComparison.Ordinal);
        Assert.Equal(1, await DovecotServer.Instance.CountAsync(box));
    }

    private static async Task<T> InDatabaseAsync<T>(MeldrouteAppFactory app, Func<MeldrouteDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>());
    }
}

public sealed class RestoredCopyTestsOnSqlite() : RestoredCopyTests(Database.Sqlite);

public sealed class RestoredCopyTestsOnPostgres() : RestoredCopyTests(Database.Postgres);
