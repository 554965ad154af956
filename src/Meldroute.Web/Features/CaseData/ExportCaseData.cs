using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Features.Region;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Features.VictimDossiers;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;

namespace Meldroute.Web.Features.CaseData;

public enum CaseDataFormat
{
    Csv,
    Json,
}

/// <summary>The export's query: the format and a period of whole years (both ends included; empty: from the first or to the last).</summary>
public sealed class CaseDataQuery
{
    /// <summary>csv (the default) or json, in any case.</summary>
    [FromQuery] public string? Format { get; set; }

    /// <summary>The format asked for; null when it names none.</summary>
    public CaseDataFormat? ParsedFormat => Format is null ? CaseDataFormat.Csv : Enum.TryParse<CaseDataFormat>(Format, ignoreCase: true, out var format) && Enum.IsDefined(format) ? format : null;

    [FromQuery, Range(QueryRanges.YearMin, QueryRanges.YearMax)] public int? FromYear { get; set; }

    [FromQuery, Range(QueryRanges.YearMin, QueryRanges.YearMax)] public int? ToYear { get; set; }
}

/// <summary>
/// The anonymised case data: <see cref="K"/> is the smallest group any row shares its values with; <see cref="RowsLeftOut"/>
/// the rows of the period that stayed rarer than k after generalisation and are not in <see cref="Records"/>;
/// <see cref="Generalisation"/> the level each column was generalised to.
/// </summary>
public sealed record CaseDataExport(
    string Standard,
    int K,
    int? FromYear,
    int? ToYear,
    int RowsLeftOut,
    IReadOnlyDictionary<string, string> Generalisation,
    [property: Infrastructure.NullableValues] IReadOnlyList<IReadOnlyDictionary<string, string?>> Records);

/// <summary>
/// ExportCaseData: one row per signal and per possible victim in a victim dossier, in HTCDS's terms (<see cref="HtcdsCase"/>),
/// k-anonymous with k the figures' suppression threshold (<see cref="KAnonymity"/>). The whole table is anonymised at
/// once and the period then picks whole years from it, so two exports for different periods are parts of one
/// k-anonymous table and cannot be set against each other to single a row out (the same idea as the figures' one cube).
/// The victims' registered age group, gender and nationality are read (decrypted) in memory to be grouped and are
/// never written out as they are; every export is audited with its counts.
/// </summary>
public static class ExportCaseData
{
    public const string Standard = "HTCDS 2.0 (UNMigration/HTCDS), Meldroute extensions prefixed mr_";

    public static async Task<CaseDataExport> HandleAsync(MeldrouteDbContext db, AuditTrail audit, FiguresOptions options, CaseDataQuery query, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // A regional analyst exports the region: the rows of every municipality of it in one k-anonymous table (the
        // municipality is not a column). Everyone else exports their own municipality's rows.
        var region = user.IsInRole(Roles.RegionalAnalyst) ? (await RegionOfAccount.ReadAsync(db, cancellationToken)).Ids : null;
        var rows = await RowsAsync(db, region, cancellationToken);
        var k = Math.Max(1, options.SuppressionThreshold);
        var anonymised = KAnonymity.Apply(rows, HtcdsCase.Columns, k);
        bool InPeriod(string period) => HtcdsCase.YearOf(period) is var year && (query.FromYear is not { } from || year >= from) && (query.ToYear is not { } to || year <= to);

        var records = anonymised.Rows.Where(r => InPeriod(r[HtcdsCase.PeriodColumn]))
            .Select(r => (IReadOnlyDictionary<string, string?>)HtcdsCase.Columns.Select((c, i) => (c.Name, Value: r[i].Length == 0 ? null : r[i])).ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal))
            .ToList();
        var leftOut = anonymised.LeftOut.Count(i => InPeriod(rows[i][HtcdsCase.PeriodColumn]));
        var generalisation = HtcdsCase.Columns.Select((c, i) => (c.Name, Level: HtcdsCase.LevelNames[i][anonymised.Levels[i]]))
            .ToDictionary(x => x.Name, x => x.Level, StringComparer.Ordinal);

        await audit.RecordAsync(new AuditEntry("case-data.exported", AuditOutcome.Success, "case-data", "htcds", string.Create(CultureInfo.InvariantCulture,
            $"anonymised: scope={(region is null ? "municipality" : "region:" + region.Count.ToString(CultureInfo.InvariantCulture))}, format={query.ParsedFormat.ToString()?.ToLowerInvariant()}, years={query.FromYear?.ToString(CultureInfo.InvariantCulture) ?? "*"}-{query.ToYear?.ToString(CultureInfo.InvariantCulture) ?? "*"}, k={k}, rows={records.Count}, left-out={leftOut}")), cancellationToken);
        return new CaseDataExport(Standard, k, query.FromYear, query.ToYear, leftOut, generalisation, records);
    }

    /// <summary>
    /// The CSV: '#' lines first with the standard, k, the rows left out and each column's level (pandas' comment='#', R's
    /// comment.char), then a header of the HTCDS field names and the rows; comma separated, as HTCDS tools read it.
    /// </summary>
    public static byte[] ToCsv(CaseDataExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        text.Write(string.Create(CultureInfo.InvariantCulture, $"# {export.Standard}\n# k={export.K}; rows={export.Records.Count}; rows-left-out={export.RowsLeftOut}; years={export.FromYear?.ToString(CultureInfo.InvariantCulture) ?? "*"}-{export.ToYear?.ToString(CultureInfo.InvariantCulture) ?? "*"}\n"));
        text.Write("# generalisation: " + string.Join("; ", export.Generalisation.Select(g => g.Key + "=" + g.Value)) + "\n");
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true, WriteHeader = true }).To(text))
        {
            if (export.Records.Count == 0)
            {
                text.Write(string.Join(',', HtcdsCase.Columns.Select(c => c.Name)) + "\n");
            }

            foreach (var record in export.Records)
            {
                using var line = writer.NewRow();
                foreach (var column in HtcdsCase.Columns)
                {
                    line[column.Name].Set(record[column.Name] ?? "");
                }
            }
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// The rows of the current municipality, or with <paramref name="region"/> of those municipalities: across
    /// municipalities on purpose (IgnoreQueryFilters, restricted to the region's ids), for the regional analyst only.
    /// </summary>
    private static async Task<List<string[]>> RowsAsync(MeldrouteDbContext db, IReadOnlyList<int>? region, CancellationToken cancellationToken)
    {
        IQueryable<T> Of<T>(IQueryable<T> rows)
            where T : class, IMunicipalityOwned =>
            region is null ? rows.AsNoTracking() : rows.IgnoreQueryFilters().AsNoTracking().Where(r => region.Contains(r.MunicipalityId));

        var routes = (await Of(db.DecisionRoutes).Select(r => new { r.SignalId, r.Route }).ToListAsync(cancellationToken))
            .ToLookup(r => r.SignalId, r => r.Route);
        var rows = new List<string[]>();
        var signals = Of(db.Signals).Select(s => new { s.Id, s.ReceivedMonth, s.Forms, s.ClassifiedForms, s.InvolvesMinor }).AsAsyncEnumerable();
        var formsOf = new Dictionary<Guid, ExploitationForms>();
        await foreach (var s in signals.WithCancellation(cancellationToken))
        {
            var forms = s.ClassifiedForms != ExploitationForms.None ? s.ClassifiedForms : s.Forms;
            formsOf[s.Id] = forms;
            rows.Add(HtcdsCase.SignalRow(s.ReceivedMonth, forms, s.InvolvesMinor, routes[s.Id]));
        }

        // Victims of dossiers not yet purged (a purged dossier has none), with their registration when there is one.
        var victims = await (from v in Of(db.Set<DossierVictim>())
                             join d in Of(db.VictimDossiers) on v.DossierId equals d.Id
                             select new { v.Id, v.Age, v.Minor, d.OpenedAt, d.SignalId }).ToListAsync(cancellationToken);
        var registrations = (await Of(db.ComenshaRegistrations)
            .Select(r => new { r.VictimId, r.Forms, r.Sector, r.AgeGroup, r.Gender, r.Nationality }).ToListAsync(cancellationToken))
            .ToDictionary(r => r.VictimId);
        foreach (var v in victims)
        {
            var signalForms = ComenshaRules.FromSignal(formsOf.GetValueOrDefault(v.SignalId));
            rows.Add(registrations.TryGetValue(v.Id, out var r)
                ? HtcdsCase.VictimRow(v.OpenedAt, r.Forms, r.Sector, HtcdsCase.AgeValue(Enum.TryParse<AgeGroup>(r.AgeGroup, out var age) ? age : AgeGroup.Unknown),
                    Enum.TryParse<Gender>(r.Gender, out var gender) ? gender : Gender.Unknown, Countries.GroupOf(r.Nationality), routes[v.SignalId])
                : HtcdsCase.VictimRow(v.OpenedAt, signalForms, ExploitationSector.Unknown,
                    ComenshaRules.GroupOf(v.Age) is { } group ? HtcdsCase.AgeValue(group) : HtcdsCase.AgeValue(v.Minor), Gender.Unknown, NationalityGroup.Unknown, routes[v.SignalId]));
        }

        return rows;
    }
}
