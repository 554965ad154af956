using System.Globalization;
using System.IO.Compression;
using Meldroute.Web.Features.Departments;
using Meldroute.Web.Features.Indicators;
using Meldroute.Web.Features.Partners;
using Meldroute.Web.Features.Signals;
using Microsoft.Extensions.Localization;
using nietras.SeparatedValues;

namespace Meldroute.Web.Features.Setup;

public sealed record PartnerRow(int Line, string Name, PartnerKind Kind, PartnerRoles Roles, ExploitationForms Forms, bool Archived);

public sealed record PartnerRouteRow(int Line, string Partner, Route Route, bool IsDefault);

public sealed record PartnerContactRow(int Line, string Partner, string Name, string? Function, string? Phone, string? Email, string? Availability);

public sealed record WorkProcessRow(int Line, string Partner, string Description);

public sealed record DepartmentRow(int Line, string Name, bool HasPublicContact, int? PublicContactEmployees);

public sealed record IndicatorRow(int Line, string Code, ExploitationForms Form, string TextNl, string TextEn, bool Active);

/// <summary>
/// The reference data of an installation as CSV files, one per kind: the format of <c>ExportReferenceData</c> and
/// <c>ImportReferenceData</c> (a ZIP of these files) and of the files Meldroute ships in <c>Seed/</c>. A file left out
/// of an import leaves that kind as it is. Null means the file was not there.
/// </summary>
public sealed record ReferenceDataSet(
    IReadOnlyList<PartnerRow>? Partners,
    IReadOnlyList<PartnerRouteRow>? Routes,
    IReadOnlyList<PartnerContactRow>? Contacts,
    IReadOnlyList<WorkProcessRow>? WorkProcesses,
    IReadOnlyList<DepartmentRow>? Departments,
    IReadOnlyList<IndicatorRow>? Indicators)
{
    public const string PartnersFile = "partners.csv";
    public const string RoutesFile = "partner-routes.csv";
    public const string ContactsFile = "partner-contacts.csv";
    public const string WorkProcessesFile = "work-processes.csv";
    public const string DepartmentsFile = "departments.csv";
    public const string IndicatorsFile = "indicators.csv";

    /// <summary>Optional, import only: work-processes.csv may name a partner by a short label that this file maps to its name (as the plan's Table 2 does).</summary>
    public const string WorkProcessAliasesFile = "work-process-partners.csv";

    public const int MaxFileBytes = 5_000_000;

    /// <summary>Each file's columns, in the order export writes them; import needs those not marked optional.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [PartnersFile] = ["name", "kind", "policy", "prevention", "signalling", "investigation_prosecution", "aftercare", "sexual", "labour", "criminal", "archived"],
        [RoutesFile] = ["partner", "route", "default"],
        [ContactsFile] = ["partner", "name", "function", "phone", "email", "availability"],
        [WorkProcessesFile] = ["partner", "work_process"],
        [DepartmentsFile] = ["name", "public_contact", "public_contact_employees"],
        [IndicatorsFile] = ["code", "form", "indicator_nl", "indicator_en", "active"],
        [WorkProcessAliasesFile] = ["work_process_partner", "partner"],
    };

    /// <summary>Columns an older file (and the shipped Seed files) may lack; their default is "no" / empty / "yes" for active.</summary>
    private static readonly HashSet<string> OptionalColumns = ["archived", "public_contact_employees", "active"];

    public static readonly IReadOnlyDictionary<PartnerKind, string> KindCodes = new Dictionary<PartnerKind, string>
    {
        [PartnerKind.Internal] = "internal", [PartnerKind.External] = "external", [PartnerKind.Stakeholder] = "stakeholder",
    };

    public static readonly IReadOnlyDictionary<ExploitationForms, string> FormCodes = new Dictionary<ExploitationForms, string>
    {
        [ExploitationForms.None] = "any", [ExploitationForms.Sexual] = "sexual", [ExploitationForms.Labour] = "labour", [ExploitationForms.Criminal] = "criminal",
    };

    private static readonly (string Column, PartnerRoles Role)[] RoleColumns =
    [
        ("policy", PartnerRoles.Policy), ("prevention", PartnerRoles.Prevention), ("signalling", PartnerRoles.Signalling),
        ("investigation_prosecution", PartnerRoles.InvestigationProsecution), ("aftercare", PartnerRoles.Aftercare),
    ];

    private static readonly (string Column, ExploitationForms Form)[] FormColumns =
        [("sexual", ExploitationForms.Sexual), ("labour", ExploitationForms.Labour), ("criminal", ExploitationForms.Criminal)];

    /// <summary>The CSV files of a ZIP, by name (folders in the ZIP are ignored); null when it is no ZIP or too large.</summary>
    public static Dictionary<string, string>? FilesOfZip(Stream zip)
    {
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            long total = 0;
            foreach (var entry in archive.Entries.Where(e => e.Name.Length > 0))
            {
                // Refuses a ZIP bomb before unpacking it: the stated sizes are checked first, the read is capped too.
                total += entry.Length;
                if (total > MaxFileBytes)
                {
                    return null;
                }

                using var reader = new StreamReader(entry.Open());
                var buffer = new char[MaxFileBytes + 1];
                var read = reader.ReadBlock(buffer, 0, buffer.Length);
                if (read > MaxFileBytes)
                {
                    return null;
                }

                files[entry.Name] = new string(buffer, 0, read);
            }

            return files;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public static byte[] ToZip(IReadOnlyDictionary<string, string> files)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                // A fixed time stamp: the same data gives the same ZIP, so two exports can be compared byte by byte.
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var writer = new StreamWriter(entry.Open(), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                writer.Write(text);
            }
        }

        return memory.ToArray();
    }

    /// <summary>Reads and checks every file; the errors name file, line and column, in Dutch or English.</summary>
    public static (ReferenceDataSet? Set, List<string> Errors) Parse(IReadOnlyDictionary<string, string> files, IStringLocalizer t)
    {
        var errors = new List<string>();
        foreach (var name in files.Keys.Where(n => !Columns.ContainsKey(n)))
        {
            errors.Add(t["RefData_UnknownFile", name, string.Join(", ", Columns.Keys)]);
        }

        var tables = new Dictionary<string, List<(int Line, Dictionary<string, string> Values)>>(StringComparer.Ordinal);
        foreach (var (name, text) in files.Where(f => Columns.ContainsKey(f.Key)))
        {
            if (Table(name, text, t, errors) is { } table)
            {
                tables[name] = table;
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var rows = new RowReader(errors, t);
        var partners = tables.TryGetValue(PartnersFile, out var p) ? p.Select(r => rows.Partner(r.Line, r.Values)).ToList() : null;
        var aliases = tables.TryGetValue(WorkProcessAliasesFile, out var a)
            ? a.ToDictionary(r => r.Values["work_process_partner"].Trim(), r => r.Values["partner"].Trim(), StringComparer.Ordinal)
            : [];
        var set = new ReferenceDataSet(
            partners?.OfType<PartnerRow>().ToList(),
            tables.TryGetValue(RoutesFile, out var rt) ? [.. rt.Select(r => rows.Route(r.Line, r.Values)).OfType<PartnerRouteRow>()] : null,
            tables.TryGetValue(ContactsFile, out var c) ? [.. c.Select(r => rows.Contact(r.Line, r.Values)).OfType<PartnerContactRow>()] : null,
            tables.TryGetValue(WorkProcessesFile, out var w) ? [.. w.Select(r => rows.WorkProcess(r.Line, r.Values, aliases)).OfType<WorkProcessRow>()] : null,
            tables.TryGetValue(DepartmentsFile, out var d) ? [.. d.Select(r => rows.Department(r.Line, r.Values)).OfType<DepartmentRow>()] : null,
            tables.TryGetValue(IndicatorsFile, out var i) ? [.. i.Select(r => rows.Indicator(r.Line, r.Values)).OfType<IndicatorRow>()] : null);
        Duplicates(set.Partners, PartnersFile, r => r.Name, r => r.Line, errors, t);
        Duplicates(set.Departments, DepartmentsFile, r => r.Name, r => r.Line, errors, t);
        Duplicates(set.Indicators, IndicatorsFile, r => r.Code, r => r.Line, errors, t);
        Duplicates(set.Routes, RoutesFile, r => r.Partner + "\u001f" + r.Route, r => r.Line, errors, t);
        return errors.Count > 0 ? (null, errors) : (set, errors);
    }

    /// <summary>The data as the files export writes: always every file with its header, rows in a fixed order.</summary>
    public static Dictionary<string, string> Write(ReferenceDataSet set)
    {
        static string Mark(bool marked) => marked ? "x" : "";
        static string YesNo(bool yes) => yes ? "yes" : "no";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [PartnersFile] = Csv(PartnersFile, set.Partners ?? [], r =>
                [r.Name, KindCodes[r.Kind], .. RoleColumns.Select(c => Mark(r.Roles.HasFlag(c.Role))), .. FormColumns.Select(c => Mark(r.Forms.HasFlag(c.Form))), YesNo(r.Archived)]),
            [RoutesFile] = Csv(RoutesFile, set.Routes ?? [], r => [r.Partner, r.Route.ToString(), YesNo(r.IsDefault)]),
            [ContactsFile] = Csv(ContactsFile, set.Contacts ?? [], r => [r.Partner, r.Name, r.Function ?? "", r.Phone ?? "", r.Email ?? "", r.Availability ?? ""]),
            [WorkProcessesFile] = Csv(WorkProcessesFile, set.WorkProcesses ?? [], r => [r.Partner, r.Description]),
            [DepartmentsFile] = Csv(DepartmentsFile, set.Departments ?? [], r =>
                [r.Name, YesNo(r.HasPublicContact), r.PublicContactEmployees?.ToString(CultureInfo.InvariantCulture) ?? ""]),
            [IndicatorsFile] = Csv(IndicatorsFile, set.Indicators ?? [], r => [r.Code, FormCodes[r.Form], r.TextNl, r.TextEn, YesNo(r.Active)]),
        };
    }

    private static string Csv<T>(string file, IEnumerable<T> rows, Func<T, string[]> values)
    {
        var columns = Columns[file];
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(text))
        {
            writer.Header.Add(columns);
            var any = false;
            foreach (var row in rows)
            {
                any = true;
                using var line = writer.NewRow();
                var cells = values(row);
                for (var i = 0; i < columns.Length; i++)
                {
                    line[columns[i]].Set(cells[i]);
                }
            }

            if (!any)
            {
                writer.Header.Write();
            }
        }

        return text.ToString();
    }

    private static List<(int Line, Dictionary<string, string> Values)>? Table(string name, string text, IStringLocalizer t, List<string> errors)
    {
        try
        {
            using var reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true, DisableColCountCheck = false }).FromText(text.TrimStart('\uFEFF'));
            var header = reader.Header.ColNames;
            var missing = Columns[name].Where(c => !OptionalColumns.Contains(c) && !header.Contains(c, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                errors.Add(t["RefData_ColumnsMissing", name, string.Join(", ", missing)]);
                return null;
            }

            var rows = new List<(int, Dictionary<string, string>)>();
            var line = 1;
            foreach (var row in reader)
            {
                line++;
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var column in Columns[name])
                {
                    values[column] = header.Contains(column, StringComparer.Ordinal) ? row[column].ToString() : "";
                }

                rows.Add((line, values));
            }

            return rows;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or InvalidDataException)
        {
            errors.Add(t["RefData_NotCsv", name]);
            return null;
        }
    }

    private static void Duplicates<T>(IReadOnlyList<T>? rows, string file, Func<T, string> key, Func<T, int> line, List<string> errors, IStringLocalizer t)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows ?? [])
        {
            if (!seen.TryAdd(key(row), line(row)))
            {
                errors.Add(t["RefData_Duplicate", file, line(row), seen[key(row)]]);
            }
        }
    }

    /// <summary>Checks one row of each file; a bad value adds an error naming file, line and column, and gives null.</summary>
    private sealed class RowReader(List<string> errors, IStringLocalizer t)
    {
        public PartnerRow? Partner(int line, Dictionary<string, string> v)
        {
            var before = errors.Count;
            var name = Text(PartnersFile, line, "name", v, PartnerNetwork.NameMax, required: true);
            var kind = Choice(PartnersFile, line, "kind", v, KindCodes);
            var roles = RoleColumns.Where(c => Mark(PartnersFile, line, c.Column, v)).Aggregate(PartnerRoles.None, (all, c) => all | c.Role);
            var forms = FormColumns.Where(c => Mark(PartnersFile, line, c.Column, v)).Aggregate(ExploitationForms.None, (all, c) => all | c.Form);
            var archived = YesNo(PartnersFile, line, "archived", v, fallback: false) ?? false;
            return errors.Count > before ? null : new PartnerRow(line, name!, kind, roles, forms, archived);
        }

        public PartnerRouteRow? Route(int line, Dictionary<string, string> v)
        {
            var before = errors.Count;
            var partner = Text(RoutesFile, line, "partner", v, PartnerNetwork.NameMax, required: true);
            var route = Choice(RoutesFile, line, "route", v, Enum.GetValues<Route>().Where(r => r != Signals.Route.NoFurtherAction).ToDictionary(r => r, r => r.ToString()));
            var isDefault = YesNo(RoutesFile, line, "default", v, fallback: false) ?? false;
            return errors.Count > before ? null : new PartnerRouteRow(line, partner!, route, isDefault);
        }

        public PartnerContactRow? Contact(int line, Dictionary<string, string> v)
        {
            var before = errors.Count;
            var partner = Text(ContactsFile, line, "partner", v, PartnerNetwork.NameMax, required: true);
            var name = Text(ContactsFile, line, "name", v, PartnerNetwork.ShortMax, required: true);
            var function = Text(ContactsFile, line, "function", v, PartnerNetwork.ShortMax);
            var phone = Text(ContactsFile, line, "phone", v, PartnerNetwork.PhoneMax);
            var email = Text(ContactsFile, line, "email", v, PartnerNetwork.ShortMax);
            var availability = Text(ContactsFile, line, "availability", v, PartnerNetwork.ShortMax);
            if (phone is not null && !UpdatePartner.IsPhone(phone))
            {
                Error(ContactsFile, line, "phone", t["Partner_PhoneInvalid"]);
            }

            if (email is not null && !UpdatePartner.IsEmail(email))
            {
                Error(ContactsFile, line, "email", t["Partner_EmailInvalid"]);
            }

            return errors.Count > before ? null : new PartnerContactRow(line, partner!, name!, function, phone, email, availability);
        }

        public WorkProcessRow? WorkProcess(int line, Dictionary<string, string> v, Dictionary<string, string> aliases)
        {
            var before = errors.Count;
            var partner = Text(WorkProcessesFile, line, "partner", v, PartnerNetwork.NameMax, required: true);
            var description = Text(WorkProcessesFile, line, "work_process", v, PartnerNetwork.WorkProcessMax, required: true);
            return errors.Count > before ? null : new WorkProcessRow(line, aliases.GetValueOrDefault(partner!, partner!), description!);
        }

        public DepartmentRow? Department(int line, Dictionary<string, string> v)
        {
            var before = errors.Count;
            var name = Text(DepartmentsFile, line, "name", v, DepartmentRules.NameMax, required: true);
            var publicContact = YesNo(DepartmentsFile, line, "public_contact", v, fallback: null);
            int? employees = null;
            var count = v["public_contact_employees"].Trim();
            if (count.Length > 0)
            {
                if (int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= DepartmentRules.EmployeesMax)
                {
                    employees = n;
                }
                else
                {
                    Error(DepartmentsFile, line, "public_contact_employees", t["RefData_Number", DepartmentRules.EmployeesMax]);
                }
            }

            return errors.Count > before ? null : new DepartmentRow(line, name!, publicContact!.Value, employees);
        }

        public IndicatorRow? Indicator(int line, Dictionary<string, string> v)
        {
            var before = errors.Count;
            var code = Text(IndicatorsFile, line, "code", v, IndicatorRules.CodeMax, required: true);
            if (code is not null && !IndicatorRules.IsCode(code))
            {
                Error(IndicatorsFile, line, "code", t["Indicator_CodeInvalid"]);
            }

            var form = Choice(IndicatorsFile, line, "form", v, FormCodes);
            var nl = Text(IndicatorsFile, line, "indicator_nl", v, IndicatorRules.TextMax, required: true);
            var en = Text(IndicatorsFile, line, "indicator_en", v, IndicatorRules.TextMax, required: true);
            var active = YesNo(IndicatorsFile, line, "active", v, fallback: true);
            return errors.Count > before ? null : new IndicatorRow(line, code!, form, nl!, en!, active!.Value);
        }

        private string? Text(string file, int line, string column, Dictionary<string, string> v, int max, bool required = false)
        {
            var value = v[column].Trim();
            if (value.Length == 0)
            {
                return required ? Error(file, line, column, t["Text_Required"]) : null;
            }

            if (value.Length > max)
            {
                return Error(file, line, column, t["Intake_TextTooLong", max]);
            }

            return value.Any(char.IsControl) ? Error(file, line, column, t["Intake_ControlCharacters"]) : value;
        }

        private T Choice<T>(string file, int line, string column, Dictionary<string, string> v, IReadOnlyDictionary<T, string> codes)
            where T : struct
        {
            var value = v[column].Trim();
            foreach (var (item, code) in codes)
            {
                if (string.Equals(code, value, StringComparison.OrdinalIgnoreCase))
                {
                    return item;
                }
            }

            Error(file, line, column, t["RefData_Choice", string.Join(", ", codes.Values)]);
            return default;
        }

        private bool Mark(string file, int line, string column, Dictionary<string, string> v)
        {
            switch (v[column].Trim().ToLowerInvariant())
            {
                case "":
                    return false;
                case "x":
                    return true;
                default:
                    Error(file, line, column, t["RefData_Mark"]);
                    return false;
            }
        }

        private bool? YesNo(string file, int line, string column, Dictionary<string, string> v, bool? fallback)
        {
            switch (v[column].Trim().ToLowerInvariant())
            {
                case "yes":
                    return true;
                case "no":
                    return false;
                case "" when fallback is not null:
                    return fallback;
                default:
                    Error(file, line, column, t["RefData_YesNo"]);
                    return fallback ?? false;
            }
        }

        private string? Error(string file, int line, string column, string message)
        {
            errors.Add(t["RefData_BadValue", file, line, column, message]);
            return null;
        }
    }
}
