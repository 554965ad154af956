using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Signals;

/// <summary>
/// A file that came with a signal (an attachment of a message in the reporting mailbox). Personal content: the name
/// and the bytes are stored encrypted and deleted with the signal's other content (<see cref="SignalPurge"/>).
/// </summary>
public sealed class SignalAttachment : Infrastructure.Privacy.ISignalPart, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SignalId { get; set; }

    /// <summary>The file name as sent; may name a person.</summary>
    [Encrypted]
    public string? FileName { get; set; }

    /// <summary>The MIME type, e.g. application/pdf: says nothing about a person.</summary>
    public required string ContentType { get; set; }

    public long Size { get; set; }

    [Encrypted]
    public byte[]? Content { get; set; }

    public int SortOrder { get; set; }
}

internal sealed class SignalAttachmentConfiguration : IEntityTypeConfiguration<SignalAttachment>
{
    public void Configure(EntityTypeBuilder<SignalAttachment> builder)
    {
        builder.Property(a => a.ContentType).HasMaxLength(200);
        builder.HasIndex(a => a.SignalId);
    }
}
