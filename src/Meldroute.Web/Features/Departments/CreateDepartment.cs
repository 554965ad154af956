using System.Globalization;
using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Setup;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Departments;

/// <summary>CreateDepartment: the administrator adds a department (its name unique), recorded as created in its change list.</summary>
public static class CreateDepartment
{
    public static async Task<Outcome<DepartmentView>> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, DepartmentRequest r, CancellationToken cancellationToken)
    {
        var errors = await UpdateDepartment.ValidateAsync(db, t, r, id: null, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome<DepartmentView>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var department = new Department { Name = TextRules.Clean(r.Name)!, HasPublicContact = r.HasPublicContact!.Value, PublicContactEmployees = r.PublicContactEmployees };
        db.Departments.Add(department);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<DepartmentView>.Invalid(nameof(r.Name), t["Department_NameTaken"]);
        }

        ReferenceChange.Record(db, ReferenceChange.Department, UpdateDepartment.Key(department), null, DepartmentRules.Fields(department), user, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("department.created", AuditOutcome.Success, "department", UpdateDepartment.Key(department)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<DepartmentView>.Ok(DepartmentView.From(department));
    }
}
