using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Setup;

/// <summary>
/// ExportReferenceData: the installation's reference data as one ZIP of CSV files in the format
/// <see cref="ImportReferenceData"/> reads (partners with their routes, contacts and work processes, departments,
/// indicators). The same data always gives the same bytes, so an export of an installation set up from another's
/// export is identical to it. Contacts are business contact data of partners' staff; no signal data is in it.
/// </summary>
public static class ExportReferenceData
{
    public const string ContentType = "application/zip";
    public const string FileName = "meldroute-referentiegegevens.zip";

    /// <summary>The ZIP, and its audit event (<paramref name="purpose"/>: how it was asked for, e.g. "operator-command").</summary>
    public static async Task<byte[]> HandleAsync(MeldrouteDbContext db, AuditTrail audit, string? purpose, CancellationToken cancellationToken)
    {
        var zip = ReferenceDataSet.ToZip(ReferenceDataSet.Write(await ReadAsync(db, cancellationToken)));
        await audit.RecordAsync(new AuditEntry("reference-data.exported", AuditOutcome.Success, "reference-data", null, purpose), cancellationToken);
        return zip;
    }

    public static async Task<ReferenceDataSet> ReadAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        var partners = (await db.Partners.AsNoTracking().Include(p => p.Contacts).Include(p => p.WorkProcesses).AsSplitQuery().ToListAsync(cancellationToken))
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var routes = (await db.PartnerRoutes.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(r => r.PartnerId);
        var departments = await db.Departments.AsNoTracking().ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().ToListAsync(cancellationToken);
        return new ReferenceDataSet(
            [.. partners.Select(p => new PartnerRow(0, p.Name, p.Kind, p.Roles, p.Forms, p.IsArchived))],
            [.. partners.SelectMany(p => routes[p.Id].OrderBy(r => r.Route).Select(r => new PartnerRouteRow(0, p.Name, r.Route, r.IsDefault)))],
            [.. partners.SelectMany(p => p.Contacts.OrderBy(c => c.SortOrder).Select(c => new PartnerContactRow(0, p.Name, c.Name, c.Function, c.Phone, c.Email, c.Availability)))],
            [.. partners.SelectMany(p => p.WorkProcesses.OrderBy(w => w.SortOrder).Select(w => new WorkProcessRow(0, p.Name, w.Description)))],
            [.. departments.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => new DepartmentRow(0, d.Name, d.HasPublicContact, d.PublicContactEmployees))],
            [.. indicators.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => new IndicatorRow(0, i.Code, i.Form, i.TextNl, i.TextEn, i.Active))]);
    }

    /// <summary>
    /// The reference data Meldroute ships (Seed/), as the files an import reads: what demo mode starts from. The
    /// indicators can be left out: every installation gets them at start (ReferenceData.EnsureIndicatorsAsync), which
    /// demo seeding runs beside.
    /// </summary>
    public static Dictionary<string, string> ShippedFiles(bool indicators = true) =>
        new[] { ReferenceDataSet.PartnersFile, ReferenceDataSet.RoutesFile, ReferenceDataSet.ContactsFile, ReferenceDataSet.WorkProcessesFile, ReferenceDataSet.WorkProcessAliasesFile, ReferenceDataSet.DepartmentsFile }
            .Concat(indicators ? [ReferenceDataSet.IndicatorsFile] : [])
            .ToDictionary(f => f, SeedData.Text, StringComparer.Ordinal);
}
