using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Signals;

/// <summary>A signal on a meeting's agenda, with the table's assessment (personal content, deleted on forwarding).</summary>
public sealed class AgendaItem : Infrastructure.Privacy.ISignalPart, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid MeetingId { get; set; }

    public Guid SignalId { get; set; }

    public int SortOrder { get; set; }

    [Encrypted]

    public string? Assessment { get; set; }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(a => a.Assessment).HasMaxLength(10_000);
        builder.HasIndex(a => new { a.MeetingId, a.SignalId }).IsUnique();
        builder.HasIndex(a => a.SignalId);
        builder.HasOne<Signal>().WithMany().HasForeignKey(a => a.SignalId).OnDelete(DeleteBehavior.Restrict);
    }
}
