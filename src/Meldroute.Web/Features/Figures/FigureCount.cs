using System.Data.Common;
using System.Globalization;
using System.Text;
using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;

namespace Meldroute.Web.Features.Figures;

/// <summary>What a row of <see cref="FigureCount"/> counts.</summary>
public enum FigureCountKind
{
    /// <summary>Signals, by month of receipt and their anonymous characteristics.</summary>
    Signals = 0,

    /// <summary>Signals by month of receipt and working days to the first analysis.</summary>
    FirstAnalysisDays = 1,

    /// <summary>Signals by month of receipt and working days to the case table's agenda.</summary>
    CaseTableDays = 2,

    /// <summary>Signals by month of receipt and working days to forwarding.</summary>
    ForwardedDays = 3,

    /// <summary>Decided routes, by their signal's month and characteristics, the route and the partner handed over to.</summary>
    Routes = 4,
}

/// <summary>
/// The monthly aggregate the figures are read from: per municipality, kind and combination of anonymous
/// characteristics, how many signals (or routes) have it. Kept up in the same transaction as every change that moves a
/// count (<see cref="FigureCountChanges"/>: a save of signals or routes; <see cref="SeedLoad"/> for its bulk rows), so
/// that the figures cost the number of combinations, not the number of signals. Columns that a kind does not use are 0;
/// "no department" and "no partner" are 0 too (ids start at 1), so that every key is a plain unique row. Counts only:
/// never personal data.
/// </summary>
public sealed class FigureCount : IMunicipalityOwned
{
    public int MunicipalityId { get; set; }

    public FigureCountKind Kind { get; set; }

    /// <summary>Year and month of receipt as yyyymm (<see cref="Signal.ReceivedMonth"/>).</summary>
    public int ReceivedMonth { get; set; }

    public SignalSource Source { get; set; }

    public ExploitationForms Forms { get; set; }

    public ExploitationForms ClassifiedForms { get; set; }

    /// <summary>The signal's department, 0 when it has none.</summary>
    public int DepartmentId { get; set; }

    public LocationType LocationType { get; set; }

    public bool InvolvesMinor { get; set; }

    /// <summary>Working days of the step (the lead-time kinds).</summary>
    public int Days { get; set; }

    public Route Route { get; set; }

    /// <summary>The partner a route was handed over to, 0 until forwarded.</summary>
    public int PartnerId { get; set; }

    public long Count { get; set; }
}

internal sealed class FigureCountConfiguration : IEntityTypeConfiguration<FigureCount>
{
    public void Configure(EntityTypeBuilder<FigureCount> builder) =>
        builder.HasKey(c => new { c.MunicipalityId, c.Kind, c.ReceivedMonth, c.Source, c.Forms, c.ClassifiedForms, c.DepartmentId, c.LocationType, c.InvolvesMinor, c.Days, c.Route, c.PartnerId });
}

/// <summary>One row of <see cref="FigureCount"/> by its key (the values as stored).</summary>
public readonly record struct FigureCountKey(
    int MunicipalityId, FigureCountKind Kind, int ReceivedMonth, int Source, int Forms, int ClassifiedForms, int DepartmentId, int LocationType, bool InvolvesMinor, int Days, int Route, int PartnerId);

/// <summary>What of a signal the figures count, as stored (or as it was stored, before a change).</summary>
public readonly record struct SignalFigure(
    int MunicipalityId, int ReceivedMonth, SignalSource Source, ExploitationForms Forms, ExploitationForms ClassifiedForms, int? DepartmentId, LocationType LocationType, bool InvolvesMinor,
    int? FirstAnalysisWorkingDays, int? CaseTableWorkingDays, int? ForwardedWorkingDays)
{
    public static SignalFigure Of(Signal s) =>
        new(s.MunicipalityId, s.ReceivedMonth, s.Source, s.Forms, s.ClassifiedForms, s.DepartmentId, s.LocationType, s.InvolvesMinor, s.FirstAnalysisWorkingDays, s.CaseTableWorkingDays, s.ForwardedWorkingDays);

    /// <summary>The signal as tracked: its original (stored) values or its current ones.</summary>
    public static SignalFigure Of(EntityEntry entry, bool original)
    {
        T V<T>(string name) => (T)(original ? entry.Property(name).OriginalValue : entry.Property(name).CurrentValue)!;
        T? N<T>(string name)
            where T : struct => (T?)(original ? entry.Property(name).OriginalValue : entry.Property(name).CurrentValue);
        return new(
            V<int>(nameof(Signal.MunicipalityId)), V<int>(nameof(Signal.ReceivedMonth)), V<SignalSource>(nameof(Signal.Source)), V<ExploitationForms>(nameof(Signal.Forms)),
            V<ExploitationForms>(nameof(Signal.ClassifiedForms)), N<int>(nameof(Signal.DepartmentId)), V<LocationType>(nameof(Signal.LocationType)), V<bool>(nameof(Signal.InvolvesMinor)),
            N<int>(nameof(Signal.FirstAnalysisWorkingDays)), N<int>(nameof(Signal.CaseTableWorkingDays)), N<int>(nameof(Signal.ForwardedWorkingDays)));
    }

    /// <summary>The part that the counts of its routes depend on.</summary>
    public (int, int, SignalSource, ExploitationForms, ExploitationForms, int?) RoutePart => (MunicipalityId, ReceivedMonth, Source, Forms, ClassifiedForms, DepartmentId);

    /// <summary>The rows this signal counts in: its characteristics and one per lead time it has.</summary>
    public void AddTo(Dictionary<FigureCountKey, long> counts, long by)
    {
        Add(counts, new FigureCountKey(MunicipalityId, FigureCountKind.Signals, ReceivedMonth, (int)Source, (int)Forms, (int)ClassifiedForms, DepartmentId ?? 0, (int)LocationType, InvolvesMinor, 0, 0, 0), by);
        if (FirstAnalysisWorkingDays is { } first)
        {
            Add(counts, Days(FigureCountKind.FirstAnalysisDays, first), by);
        }

        if (CaseTableWorkingDays is { } table)
        {
            Add(counts, Days(FigureCountKind.CaseTableDays, table), by);
        }

        if (ForwardedWorkingDays is { } forwarded)
        {
            Add(counts, Days(FigureCountKind.ForwardedDays, forwarded), by);
        }
    }

    /// <summary>The row a route of this signal counts in.</summary>
    public void AddRouteTo(Dictionary<FigureCountKey, long> counts, Route route, int? partnerId, long by) =>
        Add(counts, new FigureCountKey(MunicipalityId, FigureCountKind.Routes, ReceivedMonth, (int)Source, (int)Forms, (int)ClassifiedForms, DepartmentId ?? 0, 0, false, 0, (int)route, partnerId ?? 0), by);

    private FigureCountKey Days(FigureCountKind kind, int days) => new(MunicipalityId, kind, ReceivedMonth, 0, 0, 0, 0, 0, false, days, 0, 0);

    private static void Add(Dictionary<FigureCountKey, long> counts, FigureCountKey key, long by)
    {
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _) += by;
    }
}

/// <summary>
/// Keeps <see cref="FigureCount"/> up: what a save changes in the counts, from the change tracker's original and current
/// values of signals and routes, written as one upsert (a few rows) in the save's transaction. A save that changes no
/// count writes nothing. Only a save that changes routes, or a signal's characteristics that its routes are counted
/// by, reads the routes of those signals as stored (one query).
/// </summary>
public static class FigureCountChanges
{
    private const int RowsPerStatement = 200;

    private static readonly string[] KeyColumns =
        ["MunicipalityId", "Kind", "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Days", "Route", "PartnerId"];

    /// <summary>Whether the tracked entry is one whose change can move a count (collected before the save, deleted ones included).</summary>
    public static bool Counts(EntityEntry entry) =>
        entry.Entity is Signal or DecisionRoute && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    /// <summary>The changes to the counts that saving these entries makes (none are zero). Call after the figure columns are derived.</summary>
    public static async Task<Dictionary<FigureCountKey, long>> CollectAsync(MeldrouteDbContext db, IReadOnlyList<EntityEntry> entries, CancellationToken cancellationToken)
    {
        var changes = new Dictionary<FigureCountKey, long>();
        if (entries.Count == 0)
        {
            return changes;
        }

        var signals = new Dictionary<Guid, (SignalFigure? Old, SignalFigure? New)>();
        var routeSignals = new HashSet<Guid>();
        var routes = new List<EntityEntry>();
        foreach (var entry in entries)
        {
            if (entry.Entity is Signal signal)
            {
                SignalFigure? old = entry.State == EntityState.Added ? null : SignalFigure.Of(entry, original: true);
                SignalFigure? now = entry.State == EntityState.Deleted ? null : SignalFigure.Of(entry, original: false);
                signals[signal.Id] = (old, now);
                if (old != now)
                {
                    old?.AddTo(changes, -1);
                    now?.AddTo(changes, +1);
                }

                // Its routes as stored are counted by its old characteristics; they count by the new ones after the save.
                if (old is { } o && o.RoutePart != now?.RoutePart)
                {
                    routeSignals.Add(signal.Id);
                }
            }
            else
            {
                routes.Add(entry);
                routeSignals.Add((Guid)entry.Property(nameof(DecisionRoute.SignalId)).CurrentValue!);
                if (entry.State != EntityState.Added)
                {
                    routeSignals.Add((Guid)entry.Property(nameof(DecisionRoute.SignalId)).OriginalValue!);
                }
            }
        }

        if (routeSignals.Count > 0)
        {
            await RecountRoutesAsync(db, signals, routeSignals, routes, changes, cancellationToken);
        }

        foreach (var key in changes.Where(c => c.Value == 0).Select(c => c.Key).ToList())
        {
            changes.Remove(key);
        }

        return changes;
    }

    /// <summary>
    /// The routes of these signals: as stored, counted by each signal's stored characteristics, out; as they will be
    /// after the save (stored, less the deleted and changed ones, plus the added and changed ones), counted by its new ones, in.
    /// </summary>
    private static async Task RecountRoutesAsync(
        MeldrouteDbContext db, Dictionary<Guid, (SignalFigure? Old, SignalFigure? New)> signals, HashSet<Guid> ids, List<EntityEntry> routes, Dictionary<FigureCountKey, long> changes, CancellationToken cancellationToken)
    {
        var idList = ids.ToList();
        // By id, whatever the unit of work's municipality: the rows are these signals' own.
        var stored = await db.DecisionRoutes.IgnoreQueryFilters().AsNoTracking().Where(r => idList.Contains(r.SignalId))
            .Select(r => new { r.Id, r.SignalId, r.Route, r.ForwardedToPartnerId }).ToListAsync(cancellationToken);
        var untracked = idList.Where(id => !signals.ContainsKey(id)).ToList();
        if (untracked.Count > 0)
        {
            // Only the figure columns: the whole row would decrypt the signal's personal values for nothing.
            var unchanged = await db.Signals.IgnoreQueryFilters().Where(s => untracked.Contains(s.Id))
                .Select(s => new
                {
                    s.Id,
                    Figure = new SignalFigure(s.MunicipalityId, s.ReceivedMonth, s.Source, s.Forms, s.ClassifiedForms, s.DepartmentId, s.LocationType, s.InvolvesMinor,
                        s.FirstAnalysisWorkingDays, s.CaseTableWorkingDays, s.ForwardedWorkingDays),
                }).ToListAsync(cancellationToken);
            foreach (var signal in unchanged)
            {
                signals[signal.Id] = (signal.Figure, signal.Figure);
            }
        }

        var replaced = routes.Where(r => r.State != EntityState.Added).Select(r => (Guid)r.Property(nameof(DecisionRoute.Id)).CurrentValue!).ToHashSet();
        foreach (var route in stored)
        {
            if (signals.GetValueOrDefault(route.SignalId).Old is { } old)
            {
                old.AddRouteTo(changes, route.Route, route.ForwardedToPartnerId, -1);
            }

            if (!replaced.Contains(route.Id) && signals.GetValueOrDefault(route.SignalId).New is { } now)
            {
                now.AddRouteTo(changes, route.Route, route.ForwardedToPartnerId, +1);
            }
        }

        foreach (var entry in routes.Where(r => r.State != EntityState.Deleted))
        {
            var route = (DecisionRoute)entry.Entity;
            if (signals.GetValueOrDefault(route.SignalId).New is { } now)
            {
                now.AddRouteTo(changes, route.Route, route.ForwardedToPartnerId, +1);
            }
        }
    }

    /// <summary>
    /// Adds the changes to the stored counts: one INSERT … ON CONFLICT DO UPDATE per 200 rows (SQLite and PostgreSQL
    /// both), in <paramref name="transaction"/>. The rows go in key order, so that two transactions never wait for each other's rows crosswise.
    /// </summary>
    public static async Task ApplyAsync(DbConnection connection, DbTransaction? transaction, Dictionary<FigureCountKey, long> changes, CancellationToken cancellationToken)
    {
        var rows = changes.OrderBy(c => c.Key.MunicipalityId).ThenBy(c => c.Key.Kind).ThenBy(c => c.Key.ReceivedMonth).ThenBy(c => c.Key.Source).ThenBy(c => c.Key.Forms)
            .ThenBy(c => c.Key.ClassifiedForms).ThenBy(c => c.Key.DepartmentId).ThenBy(c => c.Key.LocationType).ThenBy(c => c.Key.InvolvesMinor).ThenBy(c => c.Key.Days)
            .ThenBy(c => c.Key.Route).ThenBy(c => c.Key.PartnerId).ToList();
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var chunk = rows.GetRange(start, Math.Min(RowsPerStatement, rows.Count - start));
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO \"FigureCounts\" (")
                .AppendJoin(", ", KeyColumns.Append("Count").Select(c => "\"" + c + "\""))
                .Append(") VALUES ");
            for (var i = 0; i < chunk.Count; i++)
            {
                var (k, count) = chunk[i];
                object[] values = [k.MunicipalityId, (int)k.Kind, k.ReceivedMonth, k.Source, k.Forms, k.ClassifiedForms, k.DepartmentId, k.LocationType, k.InvolvesMinor, k.Days, k.Route, k.PartnerId, count];
                sql.Append(i == 0 ? "(" : ", (");
                for (var v = 0; v < values.Length; v++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = string.Create(CultureInfo.InvariantCulture, $"@p{(i * values.Length) + v}");
                    parameter.Value = values[v];
                    command.Parameters.Add(parameter);
                    sql.Append(v == 0 ? "" : ", ").Append(parameter.ParameterName);
                }

                sql.Append(')');
            }

            sql.Append(" ON CONFLICT (").AppendJoin(", ", KeyColumns.Select(c => "\"" + c + "\"")).Append(") DO UPDATE SET \"Count\" = \"FigureCounts\".\"Count\" + excluded.\"Count\"");
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Adds the changes in the context's current transaction.</summary>
    public static Task ApplyAsync(MeldrouteDbContext db, Dictionary<FigureCountKey, long> changes, CancellationToken cancellationToken) =>
        ApplyAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), changes, cancellationToken);

    /// <summary>
    /// The counts of rows that exist before the table does (the migration that makes it): the same keys, counted from the
    /// signals and routes with GROUP BY. Plain SQL that SQLite and PostgreSQL both run.
    /// </summary>
    public const string BackfillSql = """
        INSERT INTO "FigureCounts" ("MunicipalityId", "Kind", "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Days", "Route", "PartnerId", "Count")
        SELECT "MunicipalityId", 0, "ReceivedMonth", "Source", "Forms", "ClassifiedForms", COALESCE("DepartmentId", 0), "LocationType", "InvolvesMinor", 0, 0, 0, COUNT(*)
        FROM "Signals" GROUP BY "MunicipalityId", "ReceivedMonth", "Source", "Forms", "ClassifiedForms", COALESCE("DepartmentId", 0), "LocationType", "InvolvesMinor";
        INSERT INTO "FigureCounts" ("MunicipalityId", "Kind", "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Days", "Route", "PartnerId", "Count")
        SELECT "MunicipalityId", 1, "ReceivedMonth", 0, 0, 0, 0, 0, FALSE, "FirstAnalysisWorkingDays", 0, 0, COUNT(*)
        FROM "Signals" WHERE "FirstAnalysisWorkingDays" IS NOT NULL GROUP BY "MunicipalityId", "ReceivedMonth", "FirstAnalysisWorkingDays";
        INSERT INTO "FigureCounts" ("MunicipalityId", "Kind", "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Days", "Route", "PartnerId", "Count")
        SELECT "MunicipalityId", 2, "ReceivedMonth", 0, 0, 0, 0, 0, FALSE, "CaseTableWorkingDays", 0, 0, COUNT(*)
        FROM "Signals" WHERE "CaseTableWorkingDays" IS NOT NULL GROUP BY "MunicipalityId", "ReceivedMonth", "CaseTableWorkingDays";
        INSERT INTO "FigureCounts" ("MunicipalityId", "Kind", "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Days", "Route", "PartnerId", "Count")
        SELECT "MunicipalityId", 3, "ReceivedMonth", 0, 0, 0, 0, 0, FALSE, "ForwardedWorkingDays", 0, 0, COUNT(*)
        FROM "Signals" WHERE "ForwardedWorkingDays" IS NOT NULL GROUP BY "MunicipalityId", "ReceivedMonth", "ForwardedWorkingDays";
        INSERT INTO "FigureCounts" ("MunicipalityId", "Kind", "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Days", "Route", "PartnerId", "Count")
        SELECT s."MunicipalityId", 4, s."ReceivedMonth", s."Source", s."Forms", s."ClassifiedForms", COALESCE(s."DepartmentId", 0), 0, FALSE, 0, r."Route", COALESCE(r."ForwardedToPartnerId", 0), COUNT(*)
        FROM "DecisionRoutes" r JOIN "Signals" s ON s."Id" = r."SignalId"
        GROUP BY s."MunicipalityId", s."ReceivedMonth", s."Source", s."Forms", s."ClassifiedForms", COALESCE(s."DepartmentId", 0), r."Route", COALESCE(r."ForwardedToPartnerId", 0);
        """;
}
