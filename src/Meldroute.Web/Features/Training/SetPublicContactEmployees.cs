using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Training;

/// <summary>SetPublicContactEmployees' body: the number of employees with public contact (empty: unknown).</summary>
public sealed class DepartmentStaffRequest
{
    public Guid? Version { get; set; }

    public int? PublicContactEmployees { get; set; }
}

/// <summary>SetPublicContactEmployees: a department's number of employees with public contact, the denominator of the share trained.</summary>
public static class SetPublicContactEmployees
{
    public static async Task<Outcome<DepartmentStaffView>> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, IStringLocalizer t, int departmentId, DepartmentStaffRequest r, CancellationToken cancellationToken)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == departmentId, cancellationToken);
        if (department is null)
        {
            return Outcome<DepartmentStaffView>.NotFound();
        }

        if (r.PublicContactEmployees is < 0 or > 100_000)
        {
            return Outcome<DepartmentStaffView>.Invalid(nameof(r.PublicContactEmployees), t["Training_StaffRange"]);
        }

        if (r.Version is { } version && version != department.Version)
        {
            return Outcome<DepartmentStaffView>.Conflict(t["Training_StaffChangedByOther", department.Name]);
        }

        if (department.PublicContactEmployees != r.PublicContactEmployees)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Entry(department).Property(d => d.Version).OriginalValue = department.Version;
            department.PublicContactEmployees = r.PublicContactEmployees;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<DepartmentStaffView>.Conflict(t["Training_StaffChangedByOther", department.Name]);
            }

            await audit.RecordAsync(new AuditEntry("department.staff.updated", AuditOutcome.Success, "department", department.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return Outcome<DepartmentStaffView>.Ok(new DepartmentStaffView(department.Id, department.Name, department.HasPublicContact, department.PublicContactEmployees, department.Version));
    }
}
