using Meldroute.Web.Features.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Admin.AccessReview;

/// <summary>That the yearly access review (BIO 5.18) was done: when, by whom, how many accounts, with a note.</summary>
public sealed class AccessReviewRecord : IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public int Id { get; set; }

    public DateTimeOffset CompletedAt { get; set; }

    public required string CompletedById { get; set; }

    public int Accounts { get; set; }

    public string? Note { get; set; }
}

internal sealed class AccessReviewRecordConfiguration : IEntityTypeConfiguration<AccessReviewRecord>
{
    public void Configure(EntityTypeBuilder<AccessReviewRecord> builder)
    {
        builder.ToTable("AccessReviews");
        builder.Property(r => r.CompletedById).HasMaxLength(64);
        builder.Property(r => r.Note).HasMaxLength(2_000);
    }
}
