using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Features.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Meldroute.Web.Infrastructure.Data;

namespace Meldroute.Web.Features.Privacy;

/// <summary>
/// One processing activity of the register of processing activities (AVG article 30): what Meldroute does with
/// personal data, why, on which legal ground, about whom, to whom it goes and how long it is kept. Kept as data,
/// maintained by the privacy officer, and shown from the data.
/// </summary>
public sealed class ProcessingActivity : IVersioned, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public int Id { get; set; }

    /// <summary>Short code, e.g. VA-01, by which the register and the DPIA refer to it.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string Purpose { get; set; }

    /// <summary>AVG article 6 ground, and article 9 / 10 exception where special or criminal data are processed.</summary>
    public required string LegalGround { get; set; }

    public required string DataCategories { get; set; }

    public required string DataSubjects { get; set; }

    public required string Recipients { get; set; }

    public required string Retention { get; set; }

    /// <summary>The technical and organisational measures (article 32) that apply.</summary>
    public required string Safeguards { get; set; }

    /// <summary>Where the system enforces it (feature or rule), so that an auditor can follow it to the code.</summary>
    public string? EnforcedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedById { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class ProcessingActivityConfiguration : IEntityTypeConfiguration<ProcessingActivity>
{
    public void Configure(EntityTypeBuilder<ProcessingActivity> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(20);
        builder.HasIndex(a => new { a.MunicipalityId, a.Code }).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(200);
        foreach (var text in new[] { nameof(ProcessingActivity.Purpose), nameof(ProcessingActivity.LegalGround), nameof(ProcessingActivity.DataCategories), nameof(ProcessingActivity.DataSubjects), nameof(ProcessingActivity.Recipients), nameof(ProcessingActivity.Retention), nameof(ProcessingActivity.Safeguards), nameof(ProcessingActivity.EnforcedBy) })
        {
            builder.Property(text).HasMaxLength(ProcessingActivityRules.TextMax);
        }

        builder.Property(a => a.UpdatedById).HasMaxLength(64);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}
