using System.Globalization;
using System.Net;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Notifications;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Meldroute.Tests.Features.Notifications;

/// <summary>
/// E-mail notifications against a real SMTP server on loopback: officers hear of a new signal, the reporter of a
/// change of the status they see; every mail holds the reference and a link and nothing else of the signal. A mail
/// server that is down breaks no request: the mail waits in the outbox and goes later.
/// </summary>
[Trait("Category", "Integration")]
public abstract class NotificationTests(Database database)
{
    private const string AppUrl = "https://meldroute.gemeente.test";
    private readonly string name = "Zofia" + Guid.NewGuid().ToString("N")[..10];
    private readonly string marker = "NTF" + Guid.NewGuid().ToString("N")[..12];

    private MeldrouteAppFactory NewApp(int smtpPort, FakeTimeProvider? clock = null) => new(
        database,
        settings: new Dictionary<string, string?>
        {
            ["Mailbox:SenderDepartments:collega.gemeente.test"] = "Leerplicht",
            ["Smtp:Enabled"] = "true",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "noreply@gemeente.test",
            ["Smtp:AppUrl"] = AppUrl,
            ["Smtp:PollSeconds"] = "1",
        },
        services: clock is null ? null : s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));

    private object Signal() => ProcedureApi.NewSignal($"Waarneming {marker}: jonge vrouw werkt dag en nacht in een nagelsalon.", victimName: name);

    private void AssertHoldsNothingOfTheSignal(ReceivedMail mail)
    {
        foreach (var personal in new[] { name, marker, "Hoofdweg", "nagelsalon", "Piet Verdachte", "Roemeens" })
        {
            Assert.DoesNotContain(personal, mail.Mime, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(personal, Text(mail), StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Subject and body as the recipient reads them (decoded from the transfer encoding).</summary>
    private static string Text(ReceivedMail mail)
    {
        var message = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Mime)));
        return message.Subject + "\n" + message.TextBody;
    }

    [Fact]
    public async Task Officers_hear_of_a_new_signal_and_the_reporter_of_a_status_change_by_reference_and_link_only()
    {
        using var smtp = new SmtpReceiver();
        using var app = NewApp(smtp.Port);
        var officers = new[] { await app.CreateAsync(Roles.SpecialistOfficer), await app.CreateAsync(Roles.SpecialistOfficer) };
        var reporterUser = await app.CreateAsync(Roles.Reporter);
        var reporter = await app.CreateApiClientAsync(reporterUser);
        var officer = await app.CreateApiClientAsync(officers[0]);

        var submitted = await reporter.SubmitAsync(Signal());
        var (id, reference) = (submitted.GetProperty("id").GetString()!, submitted.GetProperty("reference").GetString()!);
        var mails = await smtp.WaitForAsync(2);

        Assert.Equal(officers.Select(o => o.Email).Order(StringComparer.Ordinal), mails.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));
        foreach (var mail in mails)
        {
            Assert.Contains(reference, Text(mail), StringComparison.Ordinal);
            Assert.Contains($"{AppUrl}/Handling/Signal/{id}", Text(mail), StringComparison.Ordinal);
            Assert.Contains("Nieuw signaal", Text(mail), StringComparison.Ordinal);
            AssertHoldsNothingOfTheSignal(mail);
        }

        await officer.PostAsync($"/api/signals/{id}/analysis", new { version = await officer.VersionAsync(id), classifiedForms = new[] { "Labour" }, urgency = "Normal", notes = $"Analyse {marker}" });
        var toReporter = (await smtp.WaitForAsync(3)).Skip(2).Single();
        Assert.Equal([reporterUser.Email], toReporter.Recipients);
        Assert.Contains(reference, Text(toReporter), StringComparison.Ordinal);
        Assert.Contains($"{AppUrl}/Intake/Mine", Text(toReporter), StringComparison.Ordinal);
        AssertHoldsNothingOfTheSignal(toReporter);
        Assert.True(await OutboxEmptiesAsync(app));
    }

    [Fact]
    public async Task The_known_sender_of_a_mailbox_signal_hears_its_general_status_and_an_unknown_sender_nothing()
    {
        using var smtp = new SmtpReceiver();
        using var app = NewApp(smtp.Port);
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var colleague = "j.jansen@collega.gemeente.test";
        var (known, knownReference) = await FromMailboxAsync(app, colleague);
        var (unknown, _) = await FromMailboxAsync(app, "iemand@elders.test");
        Assert.Equal(2, (await smtp.WaitForAsync(2)).Count); // the officer hears of both

        foreach (var id in new[] { known, unknown })
        {
            await officer.PostAsync($"/api/signals/{id}/analysis", new { version = await officer.VersionAsync(id), classifiedForms = new[] { "Labour" }, urgency = "Normal", notes = $"Analyse {marker}" });
        }

        var toSender = (await smtp.WaitForAsync(3)).Skip(2).Single();
        Assert.Equal([colleague], toSender.Recipients);
        Assert.Contains(knownReference, Text(toSender), StringComparison.Ordinal);
        Assert.Contains("In behandeling", Text(toSender), StringComparison.Ordinal);
        Assert.DoesNotContain(colleague, Text(toSender), StringComparison.OrdinalIgnoreCase);
        AssertHoldsNothingOfTheSignal(toSender);
        Assert.True(await OutboxEmptiesAsync(app));
        Assert.Equal(3, smtp.Mails.Count); // nothing to the unknown (possibly forged) sender
    }

    /// <summary>A signal as the mailbox reader stores one: no reporter account, the sender's address as its source detail.</summary>
    private async Task<(string Id, string Reference)> FromMailboxAsync(MeldrouteAppFactory app, string sender)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var request = new Meldroute.Web.Features.Intake.SubmitSignalRequest
        {
            Description = $"Onderwerp: zorgen {marker}\n\nEen jonge vrouw ({name}) werkt dag en nacht in een nagelsalon.",
            ObservedOn = DateOnly.FromDateTime(DateTime.UtcNow),
            LocationType = Meldroute.Web.Features.Signals.LocationType.Other,
            Forms = [Meldroute.Web.Features.Signals.ExploitationForms.Unknown],
            Source = Meldroute.Web.Features.Signals.SignalSource.Mailbox,
            SourceDetail = sender,
        };
        var (response, _) = await services.GetRequiredService<Meldroute.Web.Features.Intake.SignalIntake>().StoreReceivedAsync(
            request, Meldroute.Web.Features.Mailbox.MailboxReader.ActorId, null, [], CancellationToken.None);
        return (response.Id.ToString(), response.Reference);
    }

    [Fact]
    public async Task A_mail_server_that_is_down_breaks_no_request_and_the_mail_goes_when_it_is_back()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var port = PostgresCluster.FreePort();
        using var app = NewApp(port, clock);
        var officer = await app.CreateAsync(Roles.SpecialistOfficer);
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var outbox = app.Services.GetRequiredService<MailOutboxJob>();

        var reference = (await reporter.SubmitAsync(Signal())).GetProperty("reference").GetString()!;
        Assert.Equal(0, await outbox.SendDueAsync(CancellationToken.None));
        Assert.Equal(1, await OutboxCountAsync(app));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(officer.Email, StringComparison.OrdinalIgnoreCase) || l.Contains(marker, StringComparison.Ordinal));

        using var smtp = new SmtpReceiver(port);
        // Past the pause after the failed attempt: the outbox loop's next round sends it.
        clock.Advance(TimeSpan.FromMinutes(2));
        var mail = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal([officer.Email], mail.Recipients);
        Assert.Contains(reference, Text(mail), StringComparison.Ordinal);
        Assert.True(await OutboxEmptiesAsync(app));
    }

    /// <summary>A sent mail leaves the outbox just after the server accepted it: waits for that (bounded).</summary>
    private static async Task<bool> OutboxEmptiesAsync(MeldrouteAppFactory app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await OutboxCountAsync(app) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return await OutboxCountAsync(app) == 0;
    }

    private static async Task<int> OutboxCountAsync(MeldrouteAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().OutboxMails.CountAsync();
    }
}

public sealed class NotificationTestsOnSqlite() : NotificationTests(Database.Sqlite);

public sealed class NotificationTestsOnPostgres() : NotificationTests(Database.Postgres);
