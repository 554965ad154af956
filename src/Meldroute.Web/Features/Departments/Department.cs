using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Infrastructure.Data;

namespace Meldroute.Web.Features.Departments;

/// <summary>A municipal department (cluster) whose employees report signals.</summary>
public sealed class Department : IVersioned, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Whether its employees have contact with the public (the plan's audience for signalling).</summary>
    public bool HasPublicContact { get; set; }

    /// <summary>How many of its employees have public contact: the denominator of the share trained (plan goal 3).</summary>
    public int? PublicContactEmployees { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class DepartmentConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<Department>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(300);
        builder.HasIndex(d => new { d.MunicipalityId, d.Name }).IsUnique();
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}
