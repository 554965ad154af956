using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Notifications;

/// <summary>
/// A notification waiting to be sent. It is queued in the transaction of the change it announces and sent by
/// <see cref="MailOutboxJob"/>, so a mail server that is down never breaks the request and a sent mail is never
/// about a change that was rolled back. Subject and body hold only a reference and a link (no personal data, no case
/// content); the row is deleted once the mail is accepted by the server.
/// </summary>
public sealed class OutboxMail : IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The recipient's address: staff data, stored encrypted like other personal data.</summary>
    [Encrypted]
    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Set while one app instance is sending it, so that another instance leaves it alone.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Body).HasMaxLength(4000);
        builder.HasIndex(m => m.NextAttemptAt);
    }
}
