using System.Globalization;
using System.Net;
using System.Text;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Departments;
using Meldroute.Web.Features.Mailbox;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Meldroute.Tests.Features.Mailbox;

/// <summary>
/// The reporting mailbox against a real IMAP server (dovecot, started by the tests): each message becomes one signal
/// with source Mailbox, its attachment kept encrypted with it, and the message is deleted from the mailbox only after
/// the signal is committed; a break between the two never makes a second signal; the attachment goes with the purge.
/// </summary>
[Trait("Category", "Process")]
public abstract class MailboxTests(Database database)
{
    private const string Sender = "leerplicht@haarlemmermeer.nl";
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly (string User, string Password) box = DovecotServer.Instance.CreateMailbox();
    private readonly string marker = "MBX" + Guid.NewGuid().ToString("N")[..12];

    private MeldrouteAppFactory NewApp() => new(
        database,
        settings: new Dictionary<string, string?>
        {
            ["Mailbox:Host"] = "127.0.0.1",
            ["Mailbox:Port"] = DovecotServer.Instance.Port.ToString(CultureInfo.InvariantCulture),
            ["Mailbox:Security"] = "None",
            ["Mailbox:User"] = box.User,
            ["Mailbox:Password"] = box.Password,
            ["Mailbox:SenderDepartments:" + Sender] = "Leerplicht",
        },
        services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));

    private byte[] AttachmentBytes => Encoding.UTF8.GetBytes($"%PDF-1.4 verslag van het huisbezoek {marker}-BIJLAGE");

    private MimeMessage Message()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Team Leerplicht", Sender));
        message.To.Add(new MailboxAddress("Meldpunt", "vreemdverhaal@haarlemmermeer.nl"));
        message.Subject = $"Zorgen over leerling {marker}-ONDERWERP";
        var body = new BodyBuilder { TextBody = $"Leerling Jolanda {marker}-NAAM verzuimt en werkt 's nachts in een nagelsalon." };
        body.Attachments.Add("verslag-huisbezoek.pdf", AttachmentBytes, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        return message;
    }

    private Task AppendAsync(MimeMessage message) => DovecotServer.Instance.AppendAsync(box, message);

    private Task<int> MessagesInMailboxAsync() => DovecotServer.Instance.CountAsync(box);

    private static async Task<int> AddDepartmentAsync(MeldrouteAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var department = new Department { Name = "Leerplicht", HasPublicContact = true };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    }

    private static async Task<T> InDatabaseAsync<T>(MeldrouteAppFactory app, Func<MeldrouteDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>());
    }

    private static Task<MailboxPollResult> PollAsync(MeldrouteAppFactory app, Func<Task>? afterCommit = null) =>
        app.Services.GetRequiredService<MailboxReader>().PollAsync(CancellationToken.None, afterCommit);

    [Fact]
    public async Task A_new_message_becomes_one_signal_with_its_text_and_attachment_and_leaves_the_mailbox()
    {
        using var app = NewApp();
        var departmentId = await AddDepartmentAsync(app);
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        await AppendAsync(Message());
        Assert.Equal(1, await MessagesInMailboxAsync());

        Assert.Equal(new MailboxPollResult(1, 0, 0), await PollAsync(app));

        Assert.Equal(0, await MessagesInMailboxAsync());
        var inbox = await (await officer.GetAsync("/api/signals")).JsonAsync(HttpStatusCode.OK);
        var row = Assert.Single(inbox.GetProperty("rows").EnumerateArray());
        var signal = await officer.GetSignalAsync(row.GetProperty("id").GetString()!);
        Assert.Equal("Mailbox", signal.GetProperty("source").GetString());
        Assert.Equal(Sender, signal.GetProperty("sourceDetail").GetString());
        Assert.Equal(departmentId, signal.GetProperty("departmentId").GetInt32());
        var description = signal.GetProperty("description").GetString()!;
        Assert.Contains($"{marker}-ONDERWERP", description, StringComparison.Ordinal);
        Assert.Contains($"{marker}-NAAM", description, StringComparison.Ordinal);

        var attachment = Assert.Single(await InDatabaseAsync(app, db => db.SignalAttachments.AsNoTracking().ToListAsync()));
        Assert.Equal(("verslag-huisbezoek.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType));
        Assert.Equal(AttachmentBytes, attachment.Content);
        // Encrypted at rest: neither the text nor the attachment is stored in the clear.
        Assert.Empty(await RawDatabase.ColumnsOrFilesContainingAsync(app, marker));
        Assert.DoesNotContain(marker, Encoding.UTF8.GetString(await StoredAttachmentAsync(app)), StringComparison.Ordinal);

        // The officer finds the attachment with the signal and downloads it (API and page), always as a download.
        var listed = Assert.Single(signal.GetProperty("attachments").EnumerateArray());
        Assert.Equal("verslag-huisbezoek.pdf", listed.GetProperty("fileName").GetString());
        var id = row.GetProperty("id").GetString()!;
        using var download = await officer.GetAsync($"/api/signals/{id}/attachments/{listed.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(AttachmentBytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/signals/{id}/attachments/{Guid.NewGuid()}")).StatusCode);
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync($"/api/signals/{id}/attachments/{listed.GetProperty("id").GetString()}")).StatusCode);
        var page = await app.SignInAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var html = await page.GetStringAsync($"/Handling/Signal/{id}");
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"([^\"]*handler=Attachment[^\"]*)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        Assert.Equal(AttachmentBytes, await page.GetByteArrayAsync(link));

        var audit = await InDatabaseAsync(app, db => db.AuditEvents.AsNoTracking().Where(e => e.ObjectId == row.GetProperty("reference").GetString()).Select(e => new { e.Action, e.ActorId, e.Purpose }).ToListAsync());
        Assert.Equal(2, audit.Count(e => e.Action == "signal.attachment.read" && e.Purpose == "handling"));
        Assert.Contains(audit, e => e.Action == "signal.submitted" && e.ActorId == MailboxReader.ActorId && e.Purpose == "intake:Mailbox");
        Assert.Contains(audit, e => e.Action == "mailbox.message.deleted" && e.Purpose == "imported");
    }

    [Fact]
    public async Task A_break_between_commit_and_delete_makes_no_second_signal_and_the_next_run_deletes_the_message()
    {
        using var app = NewApp();
        await AppendAsync(Message());

        await Assert.ThrowsAsync<IOException>(() => PollAsync(app, () => throw new IOException("connection dropped")));
        Assert.Equal(1, await InDatabaseAsync(app, db => db.Signals.CountAsync()));
        Assert.Equal(1, await MessagesInMailboxAsync());

        // The operator's command, as a separate process, is the next run.
        var (exitCode, output) = await OperatorProcess.RunAsync(
            app, "mailbox", "poll", "--Mailbox:Host=127.0.0.1", $"--Mailbox:Port={DovecotServer.Instance.Port}", "--Mailbox:Security=None", $"--Mailbox:User={box.User}", $"--Mailbox:Password={box.Password}");
        Assert.True(exitCode == 0, output);
        Assert.Contains("0 messages became signals, 1 imported before were deleted", output, StringComparison.Ordinal);

        Assert.Equal(1, await InDatabaseAsync(app, db => db.Signals.CountAsync()));
        Assert.Equal(0, await MessagesInMailboxAsync());
        Assert.Equal(new MailboxPollResult(0, 0, 0), await PollAsync(app));
    }

    [Fact]
    public async Task Forwarding_deletes_the_attachment_with_the_rest_of_the_signals_personal_data()
    {
        using var app = NewApp();
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var officer = await app.CreateApiClientAsync(officerUser);
        var member = await app.CreateAsync(Roles.CaseTableMember);
        await AppendAsync(Message());
        await PollAsync(app);
        var id = (await InDatabaseAsync(app, db => db.Signals.Select(s => s.Id).SingleAsync())).ToString();
        var storedName = Assert.Single(await RawDatabase.StoredValuesAsync(app, "SELECT \"FileName\" FROM \"SignalAttachments\""));

        var (_, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, id, member.Id);
        await app.ForwardAsync(officer, id, victimRoute, perpetratorRoute);

        Assert.Equal(0, await InDatabaseAsync(app, db => db.SignalAttachments.CountAsync()));
        Assert.Empty(await RawDatabase.ColumnsOrFilesContainingAsync(app, storedName));
        var signal = await officer.GetSignalAsync(id);
        Assert.Equal("Forwarded", signal.GetProperty("status").GetString());
        Assert.Empty(signal.GetProperty("attachments").EnumerateArray());
        Assert.Equal(1, signal.GetProperty("deletionReceipt").GetProperty("attachments").GetInt32());
    }

    [Fact]
    public async Task The_attachment_is_purged_with_the_signal_and_no_stored_byte_of_it_remains()
    {
        using var app = NewApp();
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var officer = await app.CreateApiClientAsync(officerUser);
        await AppendAsync(Message());
        await PollAsync(app);
        var id = (await InDatabaseAsync(app, db => db.Signals.Select(s => s.Id).SingleAsync())).ToString();
        var storedContent = await StoredAttachmentAsync(app);
        var storedName = Assert.Single(await RawDatabase.StoredValuesAsync(app, "SELECT \"FileName\" FROM \"SignalAttachments\""));
        Assert.NotEmpty(await RawDatabase.ColumnsOrFilesContainingAsync(app, storedName));
        if (database == Database.Sqlite)
        {
            Assert.NotEmpty(await RawDatabase.FilesContainingAsync(app, storedContent.AsSpan(16, 48).ToArray()));
        }

        await officer.PostAsync($"/api/signals/{id}/analysis", new { version = await officer.VersionAsync(id), classifiedForms = new[] { "Labour" }, urgency = "Normal", notes = "Geen aanwijzingen." });
        await officer.PostAsync($"/api/signals/{id}/close", new { version = await officer.VersionAsync(id), reason = "Na navraag geen signalen van uitbuiting." });
        clock.Advance(TimeSpan.FromDays(200));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<RunRetention>().RunAsync()).Purged);
        }

        Assert.Equal(0, await InDatabaseAsync(app, db => db.SignalAttachments.CountAsync()));
        if (database == Database.Sqlite)
        {
            // As the files are, while the app runs, before any checkpoint of the test's own: the retention run made one itself.
            Assert.Empty(RawDatabase.FilesAsTheyAreContaining(app, storedContent.AsSpan(16, 48).ToArray()));
        }

        Assert.Empty(await RawDatabase.ColumnsOrFilesContainingAsync(app, storedName));

        officer = await app.CreateApiClientAsync(officerUser);
        Assert.Equal(1, (await officer.GetSignalAsync(id)).GetProperty("deletionReceipt").GetProperty("attachments").GetInt32());
    }

    /// <summary>The attachment's bytes as the database stores them (ciphertext).</summary>
    private static async Task<byte[]> StoredAttachmentAsync(MeldrouteAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Content\" FROM \"SignalAttachments\"";
        return (byte[])(await command.ExecuteScalarAsync())!;
    }
}

public sealed class MailboxTestsOnSqlite() : MailboxTests(Database.Sqlite);

public sealed class MailboxTestsOnPostgres() : MailboxTests(Database.Postgres);
