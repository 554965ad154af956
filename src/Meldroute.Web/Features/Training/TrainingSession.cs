using Meldroute.Web.Features.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Training;

/// <summary>A training or awareness session (plan goal 3): what, when, by whom, for whom, and how many took part per department. No names.</summary>
public sealed class TrainingSession : IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public int Id { get; set; }

    public DateOnly Date { get; set; }

    public required string Title { get; set; }

    public string? Provider { get; set; }

    public string? Audience { get; set; }

    public List<TrainingAttendance> Attendance { get; set; } = [];

    public DateTimeOffset RecordedAt { get; set; }

    public string? RecordedById { get; set; }
}

/// <summary>The number of participants of one department in a session.</summary>
public sealed class TrainingAttendance : IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public int SessionId { get; set; }

    public int DepartmentId { get; set; }

    public int Participants { get; set; }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Provider).HasMaxLength(200);
        builder.Property(s => s.Audience).HasMaxLength(500);
        builder.Property(s => s.RecordedById).HasMaxLength(64);
        builder.HasIndex(s => s.Date);
        builder.HasMany(s => s.Attendance).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> builder)
    {
        builder.HasKey(a => new { a.SessionId, a.DepartmentId });
        builder.HasOne<Departments.Department>().WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
