using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Departments;
using Meldroute.Web.Features.Indicators;
using Meldroute.Web.Features.Partners;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Setup;

/// <summary>What an import did, per kind of reference data (partners, departments, indicators).</summary>
public sealed record ReferenceDataImported(int PartnersAdded, int PartnersChanged, int DepartmentsAdded, int DepartmentsChanged, int IndicatorsAdded, int IndicatorsChanged)
{
    public bool ChangedNothing => PartnersAdded + PartnersChanged + DepartmentsAdded + DepartmentsChanged + IndicatorsAdded + IndicatorsChanged == 0;
}

/// <summary>
/// ImportReferenceData: the reference data from a ZIP of CSV files (<see cref="ReferenceDataSet"/>), as an export of
/// another installation, an edited export or the files Meldroute ships. Every file is checked before anything is
/// written; one bad row refuses the whole import with a Dutch (or English) line per problem naming file, line and
/// column. Rows are matched by name (partners, departments) or code (indicators), so that importing an edited export
/// updates instead of duplicating, and importing the same file twice changes nothing. A file that is present is
/// complete for the partners it concerns: each partner of partners.csv (or, without it, each partner the file names)
/// gets exactly the routes, contacts and work processes it lists. Nothing is ever deleted: a partner, department or
/// indicator missing from the files stays as it is.
/// </summary>
public static class ImportReferenceData
{
    public static async Task<Outcome<ReferenceDataImported>> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, IMemoryCache? cache, ClaimsPrincipal? user,
        IReadOnlyDictionary<string, string>? files, CancellationToken cancellationToken)
    {
        if (files is null || files.Count == 0)
        {
            return Outcome<ReferenceDataImported>.Invalid("File", t["RefData_NotZip"]);
        }

        var (set, errors) = ReferenceDataSet.Parse(files, t);
        if (set is null)
        {
            return Outcome<ReferenceDataImported>.Invalid(new Dictionary<string, string[]> { ["File"] = [.. errors] });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (result, unknown) = await ApplyAsync(db, set, t, user, clock.GetUtcNow(), cancellationToken);
        if (result is null)
        {
            return Outcome<ReferenceDataImported>.Invalid(new Dictionary<string, string[]> { ["File"] = [.. unknown] });
        }

        await audit.RecordAsync(new AuditEntry("reference-data.imported", AuditOutcome.Success, "reference-data", null,
            $"partners+{result.PartnersAdded}~{result.PartnersChanged} departments+{result.DepartmentsAdded}~{result.DepartmentsChanged} indicators+{result.IndicatorsAdded}~{result.IndicatorsChanged}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (cache is not null)
        {
            Signals.ReferenceData.Forget(cache, db);
        }

        return Outcome<ReferenceDataImported>.Ok(result);
    }

    /// <summary>
    /// The reference data Meldroute ships (Seed/), imported the same way: what demo mode and the figures benchmark
    /// start from (without the indicators, which every installation gets at start). The shipped files always pass the
    /// checks; a problem in them is a bug and throws.
    /// </summary>
    public static async Task<ReferenceDataImported> ImportShippedAsync(MeldrouteDbContext db, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var keys = new ResourceKeys();
        var (set, errors) = ReferenceDataSet.Parse(ExportReferenceData.ShippedFiles(indicators: false), keys);
        var (result, unknown) = set is null ? (null, errors) : await ApplyAsync(db, set, keys, user: null, at, cancellationToken);
        return result ?? throw new InvalidOperationException("The shipped reference data does not import: " + string.Join("; ", unknown));
    }

    /// <summary>Writes a checked set in the caller's transaction; null and the errors when a file names an unknown partner.</summary>
    private static async Task<(ReferenceDataImported? Result, List<string> Errors)> ApplyAsync(
        MeldrouteDbContext db, ReferenceDataSet set, IStringLocalizer t, ClaimsPrincipal? user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partners = await db.Partners.Include(p => p.Contacts).Include(p => p.WorkProcesses).AsSplitQuery()
            .ToDictionaryAsync(p => p.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var errors = UnknownPartners(set, partners, t);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var (partnersAdded, partnersChanged) = await ApplyPartnersAsync(db, set, partners, user, now, cancellationToken);
        var (departmentsAdded, departmentsChanged) = await ApplyDepartmentsAsync(db, set.Departments, user, now, cancellationToken);
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, cancellationToken);
        var indicatorsBefore = indicators.Count;
        var indicatorsChanged = UpdateIndicators.Apply(db, indicators, (set.Indicators ?? []).Select(i => (i.Code, i.Form, i.TextNl, i.TextEn, i.Active)), user, now);
        var indicatorsAdded = indicators.Count - indicatorsBefore;
        await db.SaveChangesAsync(cancellationToken);
        return (new ReferenceDataImported(partnersAdded, partnersChanged, departmentsAdded, departmentsChanged, indicatorsAdded, indicatorsChanged - indicatorsAdded), errors);
    }

    /// <summary>Routes, contacts and work processes may only name partners of partners.csv or of the installation.</summary>
    private static List<string> UnknownPartners(ReferenceDataSet set, Dictionary<string, Partner> stored, IStringLocalizer t)
    {
        var known = new HashSet<string>(stored.Keys, StringComparer.OrdinalIgnoreCase);
        known.UnionWith((set.Partners ?? []).Select(p => p.Name));
        var references = (set.Routes ?? []).Select(r => (File: ReferenceDataSet.RoutesFile, r.Line, r.Partner))
            .Concat((set.Contacts ?? []).Select(c => (File: ReferenceDataSet.ContactsFile, c.Line, c.Partner)))
            .Concat((set.WorkProcesses ?? []).Select(w => (File: ReferenceDataSet.WorkProcessesFile, w.Line, w.Partner)));
        return [.. references.Where(r => !known.Contains(r.Partner)).Select(r => t["RefData_UnknownPartner", r.File, r.Line, r.Partner].Value)];
    }

    private static async Task<(int Added, int Changed)> ApplyPartnersAsync(
        MeldrouteDbContext db, ReferenceDataSet set, Dictionary<string, Partner> partners, ClaimsPrincipal? user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var allRoutes = await db.PartnerRoutes.ToListAsync(cancellationToken);
        var before = partners.Values.ToDictionary(p => p, p => PartnerSnapshot.Of(p, allRoutes.Where(r => r.PartnerId == p.Id)));
        var added = new List<Partner>();
        var order = 0;
        foreach (var row in set.Partners ?? [])
        {
            order++;
            if (!partners.TryGetValue(row.Name, out var partner))
            {
                partner = new Partner { Name = row.Name };
                partners[row.Name] = partner;
                db.Partners.Add(partner);
                added.Add(partner);
            }

            (partner.Name, partner.Kind, partner.Roles, partner.Forms, partner.SortOrder) = (row.Name, row.Kind, row.Roles, row.Forms, order);
            partner.ArchivedAt = row.Archived ? partner.ArchivedAt ?? now : null;
        }

        // What each file is complete for: the partners of partners.csv, or without it the partners the file names.
        IEnumerable<Partner> Scope<T>(IReadOnlyList<T> rows, Func<T, string> partner) =>
            set.Partners is { } listed ? listed.Select(p => partners[p.Name]) : rows.Select(partner).Distinct(StringComparer.OrdinalIgnoreCase).Select(n => partners[n]);

        if (set.Contacts is { } contacts)
        {
            foreach (var partner in Scope(contacts, c => c.Partner))
            {
                UpdatePartner.ReplaceContacts(db, partner, [.. contacts.Where(c => Same(c.Partner, partner)).Select((c, i) => new PartnerContact
                {
                    Name = c.Name, Function = c.Function, Phone = c.Phone, Email = c.Email, Availability = c.Availability, SortOrder = i + 1,
                })]);
            }
        }

        if (set.WorkProcesses is { } processes)
        {
            foreach (var partner in Scope(processes, w => w.Partner))
            {
                UpdatePartner.ReplaceWorkProcesses(db, partner, [.. processes.Where(w => Same(w.Partner, partner)).Select(w => w.Description)]);
            }
        }

        // New partners need their id before their routes and change rows can name them.
        await db.SaveChangesAsync(cancellationToken);
        var routesAfter = allRoutes.ToList();
        if (set.Routes is { } routes)
        {
            foreach (var partner in Scope(routes, r => r.Partner))
            {
                var existing = allRoutes.Where(r => r.PartnerId == partner.Id).ToList();
                var wanted = routes.Where(r => Same(r.Partner, partner)).Select(r => new PartnerRoute { PartnerId = partner.Id, Route = r.Route, IsDefault = r.IsDefault }).ToList();
                SetPartnerRoutes.Replace(db, existing, wanted);
                routesAfter.RemoveAll(r => r.PartnerId == partner.Id);
                routesAfter.AddRange(wanted);
            }
        }

        var changed = 0;
        foreach (var partner in partners.Values)
        {
            var after = PartnerSnapshot.Of(partner, routesAfter.Where(r => r.PartnerId == partner.Id));
            var fields = PartnerHistory.Record(db, partner.Id, added.Contains(partner) ? null : before[partner], after, user, now);
            if (fields.Count > 0)
            {
                partner.UpdatedAt = now;
                changed += added.Contains(partner) ? 0 : 1;
            }
        }

        return (added.Count, changed);

        static bool Same(string name, Partner partner) => string.Equals(name, partner.Name, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(int Added, int Changed)> ApplyDepartmentsAsync(
        MeldrouteDbContext db, IReadOnlyList<DepartmentRow>? rows, ClaimsPrincipal? user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (rows is null)
        {
            return (0, 0);
        }

        var departments = await db.Departments.ToDictionaryAsync(d => d.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var added = new List<Department>();
        var changed = 0;
        foreach (var row in rows)
        {
            if (!departments.TryGetValue(row.Name, out var department))
            {
                department = new Department { Name = row.Name, HasPublicContact = row.HasPublicContact, PublicContactEmployees = row.PublicContactEmployees };
                db.Departments.Add(department);
                added.Add(department);
                continue;
            }

            var before = DepartmentRules.Fields(department);
            (department.Name, department.HasPublicContact, department.PublicContactEmployees) = (row.Name, row.HasPublicContact, row.PublicContactEmployees);
            if (ReferenceChange.Record(db, ReferenceChange.Department, department.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), before, DepartmentRules.Fields(department), user, now))
            {
                changed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var department in added)
        {
            ReferenceChange.Record(db, ReferenceChange.Department, department.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, DepartmentRules.Fields(department), user, now);
        }

        return (added.Count, changed);
    }

    /// <summary>Messages by their resource key: for the shipped files, whose problems are bugs, not user errors.</summary>
    private sealed class ResourceKeys : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, name + ": " + string.Join(", ", arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
