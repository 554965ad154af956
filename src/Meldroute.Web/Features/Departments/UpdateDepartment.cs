using System.Globalization;
using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Setup;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Departments;

/// <summary>CreateDepartment's and UpdateDepartment's body.</summary>
public sealed class DepartmentRequest
{
    public Guid? Version { get; set; }

    public string? Name { get; set; }

    /// <summary>Whether its employees have contact with the public: the plan's audience for training and signalling.</summary>
    public bool? HasPublicContact { get; set; }

    /// <summary>How many of them have public contact (empty: unknown): the denominator of the share trained.</summary>
    public int? PublicContactEmployees { get; set; }
}

/// <summary>
/// UpdateDepartment: the administrator keeps the list of departments a reporter chooses from (with public contact or
/// not, and how many employees, for the training coverage). Departments are never deleted: signals name them. Every
/// change is audited and kept with old and new values (<see cref="ReferenceChange"/>).
/// </summary>
public static class UpdateDepartment
{
    public static async Task<Outcome<DepartmentView>> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, int id, DepartmentRequest r, CancellationToken cancellationToken)
    {
        if (!await db.Departments.AnyAsync(d => d.Id == id, cancellationToken))
        {
            return Outcome<DepartmentView>.NotFound();
        }

        var errors = await ValidateAsync(db, t, r, id, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome<DepartmentView>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var department = await db.Departments.SingleAsync(d => d.Id == id, cancellationToken);
        if (r.Version is { } version && version != department.Version)
        {
            return Outcome<DepartmentView>.Conflict(t["Department_ChangedByOther", department.Name]);
        }

        db.Entry(department).Property(d => d.Version).OriginalValue = department.Version;
        var before = DepartmentRules.Fields(department);
        department.Name = TextRules.Clean(r.Name)!;
        department.HasPublicContact = r.HasPublicContact!.Value;
        department.PublicContactEmployees = r.PublicContactEmployees;
        if (ReferenceChange.Record(db, ReferenceChange.Department, Key(department), before, DepartmentRules.Fields(department), user, clock.GetUtcNow()))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<DepartmentView>.Conflict(t["Department_ChangedByOther", department.Name]);
            }

            await audit.RecordAsync(new AuditEntry("department.updated", AuditOutcome.Success, "department", Key(department)), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return Outcome<DepartmentView>.Ok(DepartmentView.From(department));
    }

    /// <summary>The checks CreateDepartment and UpdateDepartment share.</summary>
    internal static async Task<Dictionary<string, string[]>> ValidateAsync(MeldrouteDbContext db, IStringLocalizer t, DepartmentRequest r, int? id, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TextRules.Check(errors, nameof(r.Name), r.Name, DepartmentRules.NameMax, t, required: true);
        if (r.HasPublicContact is null)
        {
            errors[nameof(r.HasPublicContact)] = [t["Department_PublicContactRequired"]];
        }

        if (r.PublicContactEmployees is < 0 or > DepartmentRules.EmployeesMax)
        {
            errors[nameof(r.PublicContactEmployees)] = [t["Training_StaffRange"]];
        }

        var name = TextRules.Clean(r.Name);
        if (name is not null && await db.Departments.AnyAsync(d => d.Name == name && d.Id != id, cancellationToken))
        {
            errors[nameof(r.Name)] = [t["Department_NameTaken"]];
        }

        return errors;
    }

    internal static string Key(Department d) => d.Id.ToString(CultureInfo.InvariantCulture);
}
