using System.Security.Cryptography;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Intake;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace Meldroute.Web.Features.Mailbox;

public sealed record MailboxPollResult(int Imported, int AlreadyImported, int TooLarge);

/// <summary>
/// Reads the reporting mailbox: every message becomes a signal with source Mailbox (sender's department when the
/// sender is known, subject and body as the description, attachments encrypted with the signal) and is then deleted
/// from the mailbox, which is no registration system. The message is recorded by a hash of its raw bytes as the
/// signal's idempotency key, in the signal's own transaction: a message is deleted only after that commit, and a run
/// that finds a message whose signal exists (a crash or broken connection between commit and delete) only deletes it.
/// </summary>
public sealed class MailboxReader(IServiceScopeFactory scopes, IOptions<MailboxOptions> options, ILogger<MailboxReader> logger)
{
    /// <summary>The submitter of mailbox signals, in the signal and in the audit log.</summary>
    public const string ActorId = "mailbox";

    /// <summary>Reads the folder once. <paramref name="afterCommit"/> runs between a signal's commit and the message's deletion (tests use it to break the connection there).</summary>
    public async Task<MailboxPollResult> PollAsync(CancellationToken cancellationToken, Func<Task>? afterCommit = null)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            throw new InvalidOperationException("Mailbox:Host is not set.");
        }

        using var client = new ImapClient();
        await client.ConnectAsync(o.Host, o.Port, o.Security, cancellationToken);
        await client.AuthenticateAsync(o.User ?? "", o.Password ?? "", cancellationToken);
        var folder = string.Equals(o.Folder, "INBOX", StringComparison.OrdinalIgnoreCase) ? client.Inbox : await client.GetFolderAsync(o.Folder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        int imported = 0, again = 0, tooLarge = 0;
        var messages = folder.Count == 0 ? [] : await folder.FetchAsync(0, -1, MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.Flags, cancellationToken);
        foreach (var summary in messages.Where(m => m.Flags?.HasFlag(MessageFlags.Deleted) != true))
        {
            if (summary.Size > o.MaxMessageBytes)
            {
                tooLarge++;
                logger.LogWarning("A message in the reporting mailbox is larger than Mailbox:MaxMessageBytes ({Size} bytes) and was left there.", summary.Size);
                continue;
            }

            using var raw = new MemoryStream();
            await using (var stream = await folder.GetStreamAsync(summary.UniqueId, cancellationToken))
            {
                await stream.CopyToAsync(raw, cancellationToken);
            }

            var key = "mailbox:" + Convert.ToHexStringLower(SHA256.HashData(raw.GetBuffer().AsSpan(0, (int)raw.Length)));
            raw.Position = 0;
            var message = await MimeMessage.LoadAsync(raw, cancellationToken);
            var (reference, created) = await ImportAsync(message, key, cancellationToken);
            if (created)
            {
                imported++;
            }
            else
            {
                again++;
            }

            if (afterCommit is not null)
            {
                await afterCommit();
            }

            await folder.StoreAsync(summary.UniqueId, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Deleted) { Silent = true }, cancellationToken);
            if (client.Capabilities.HasFlag(ImapCapabilities.UidPlus))
            {
                await folder.ExpungeAsync([summary.UniqueId], cancellationToken);
            }
            else
            {
                await folder.ExpungeAsync(cancellationToken);
            }

            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(
                new AuditEntry("mailbox.message.deleted", AuditOutcome.Success, "signal", reference, created ? "imported" : "imported-before", ActorId), cancellationToken);
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        if (imported + again + tooLarge > 0)
        {
            logger.LogInformation("Reporting mailbox: {Imported} messages imported, {Again} imported before and now deleted, {TooLarge} too large.", imported, again, tooLarge);
        }

        return new MailboxPollResult(imported, again, tooLarge);
    }

    /// <summary>The municipality the mailbox's signals are for: Mailbox:Municipality, or the one there is.</summary>
    private int MunicipalityId(Municipalities.MunicipalityDirectory directory)
    {
        var code = options.Value.Municipality;
        var id = string.IsNullOrWhiteSpace(code) ? directory.SoleId : directory.All.FirstOrDefault(m => m.Code == code)?.Id;
        return id ?? throw new InvalidOperationException(
            "Mailbox:Municipality must name the CBS code of the municipality the reporting mailbox belongs to: the installation serves several, or the code is unknown.");
    }

    private async Task<(string Reference, bool Created)> ImportAsync(MimeMessage message, string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<Municipalities.MunicipalityScope>().Use(MunicipalityId(services.GetRequiredService<Municipalities.MunicipalityDirectory>()));
        var db = services.GetRequiredService<MeldrouteDbContext>();
        var t = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var sender = message.From.Mailboxes.FirstOrDefault()?.Address;
        var departmentName = options.Value.DepartmentFor(sender);
        var departmentId = departmentName is null ? null : await db.Departments.Where(d => d.Name == departmentName).Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var sent = message.Date == DateTimeOffset.MinValue ? today : DateOnly.FromDateTime(message.Date.UtcDateTime);
        var request = new SubmitSignalRequest
        {
            Description = Description(message, t),
            ObservedOn = sent > today ? today : sent,
            LocationType = LocationType.Other,
            Forms = [ExploitationForms.Unknown],
            Source = SignalSource.Mailbox,
            SourceDetail = sender is null ? null : Truncate(sender, SubmitSignal.ShortTextMax),
            DepartmentId = departmentId,
        };
        var (response, created) = await services.GetRequiredService<SignalIntake>().StoreReceivedAsync(request, ActorId, key, await AttachmentsAsync(message, cancellationToken), cancellationToken);
        return (response.Reference, created);
    }

    /// <summary>Subject and body as one free text, within the description's limit and without control characters.</summary>
    internal static string Description(MimeMessage message, IStringLocalizer t)
    {
        var body = message.TextBody ?? HtmlToText(message.HtmlBody) ?? "";
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(message.Subject))
        {
            text.Append(t["Mailbox_Subject"]).Append(": ").Append(message.Subject.Trim()).Append("\n\n");
        }

        text.Append(body.Trim());
        var clean = new string([.. text.ToString().Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t')]).Trim();
        return clean.Length == 0 ? t["Mailbox_NoText"] : Truncate(clean, SubmitSignal.DescriptionMax);
    }

    private static string? HtmlToText(string? html)
    {
        if (html is null)
        {
            return null;
        }

        var text = new StringBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        while (tokenizer.ReadNextToken(out var token))
        {
            if (token is HtmlDataToken data)
            {
                text.Append(data.Data);
            }
            else if (token is HtmlTagToken { Id: HtmlTagId.Br or HtmlTagId.P or HtmlTagId.Div })
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static async Task<List<SignalAttachment>> AttachmentsAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var attachments = new List<SignalAttachment>();
        foreach (var entity in message.Attachments)
        {
            using var content = new MemoryStream();
            string name, type;
            if (entity is MessagePart attached)
            {
                if (attached.Message is null)
                {
                    continue;
                }

                await attached.Message.WriteToAsync(content, cancellationToken);
                (name, type) = ((attached.Message.Subject is { Length: > 0 } s ? s : "bericht") + ".eml", "message/rfc822");
            }
            else if (entity is MimePart part && part.Content is not null)
            {
                await part.Content.DecodeToAsync(content, cancellationToken);
                (name, type) = (part.FileName ?? "bijlage", part.ContentType.MimeType);
            }
            else
            {
                continue;
            }

            attachments.Add(new SignalAttachment { FileName = Truncate(name, 255), ContentType = Truncate(type, 200), Size = content.Length, Content = content.ToArray(), SortOrder = attachments.Count });
        }

        return attachments;
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
