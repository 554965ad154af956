using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Departments;

public sealed record DepartmentView(int Id, string Name, bool HasPublicContact, int? PublicContactEmployees, Guid Version)
{
    public static DepartmentView From(Department d) => new(d.Id, d.Name, d.HasPublicContact, d.PublicContactEmployees, d.Version);
}

/// <summary>ListDepartments: the municipality's departments whose employees report signals, by name.</summary>
public static class ListDepartments
{
    public static async Task<IReadOnlyList<DepartmentView>> HandleAsync(MeldrouteDbContext db, CancellationToken cancellationToken) =>
        [.. (await db.Departments.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(d => d.Name, StringComparer.CurrentCulture).Select(DepartmentView.From)];
}
