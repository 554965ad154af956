namespace Meldroute.Web.Features.Departments;

/// <summary>A municipal department (cluster) whose employees report signals.</summary>
public sealed class Department
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Whether its employees have contact with the public (the plan's audience for signalling).</summary>
    public bool HasPublicContact { get; set; }
}

internal sealed class DepartmentConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<Department>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(300);
        builder.HasIndex(d => d.Name).IsUnique();
    }
}
