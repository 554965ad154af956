using System.Globalization;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Figures;

/// <summary>Settings under "Figures".</summary>
public sealed class FiguresOptions
{
    public const string Section = "Figures";

    /// <summary>Counts from 1 up to this number minus one are shown as "&lt; threshold" to policy advisors.</summary>
    public int SuppressionThreshold { get; set; } = Suppression.DefaultThreshold;

    /// <summary>The year internal signals are compared with (goal 2 of the plan).</summary>
    public int BaselineYear { get; set; } = 2024;

    /// <summary>Norms in working days from receipt.</summary>
    public int FirstAnalysisWorkingDays { get; set; } = 5;

    public int CaseTableWorkingDays { get; set; } = 20;

    public int ForwardedWorkingDays { get; set; } = 30;

    /// <summary>The norm of a step in working days from receipt.</summary>
    public int NormFor(LeadStep step) => step switch
    {
        LeadStep.ToFirstAnalysis => FirstAnalysisWorkingDays,
        LeadStep.ToCaseTable => CaseTableWorkingDays,
        _ => ForwardedWorkingDays,
    };
}

/// <summary>The filters of the figures: whole years, and one value (or all) of form, source and department.</summary>
public sealed class FigureFilter
{
    public int? Year { get; set; }

    public FormCategory? Form { get; set; }

    public SignalSource? Source { get; set; }

    public int? DepartmentId { get; set; }
}

/// <summary>
/// A published count: the number, or null with <see cref="Suppressed"/> when it is below the threshold or protects one that is;
/// <see cref="Secondary"/> says it is hidden only to protect another count (shown as "x", not as "&lt; threshold").
/// </summary>
public sealed record FigureCell(long? Value, bool Suppressed, bool Secondary = false)
{
    public static FigureCell Of(SuppressedCube cube, params int[] coordinates)
    {
        ArgumentNullException.ThrowIfNull(cube);
        return cube.Kind(coordinates) switch
        {
            SuppressionKind.Primary => new FigureCell(null, true),
            SuppressionKind.Secondary => new FigureCell(null, true, Secondary: true),
            _ => new FigureCell(cube.Count(coordinates), false),
        };
    }
}

public sealed record FigureRow(string Key, string Label, IReadOnlyList<FigureCell> Cells, bool IsTotal = false);

/// <summary>A table of figures; <see cref="Basis"/> says whether Meldroute counted them or the policy advisor entered them, <see cref="BasisLabel"/> in words.</summary>
public sealed record FigureTable(string Key, string Title, string Explanation, string RowHeader, IReadOnlyList<string> Columns, IReadOnlyList<FigureRow> Rows, FigureBasis Basis = FigureBasis.Counted, string BasisLabel = "");

public sealed record LeadTimeFigure(int Year, LeadStep Step, string StepLabel, int NormWorkingDays, FigureCell Count, double? MedianWorkingDays, double? P90WorkingDays, FigureCell Late);

public sealed record FiguresResult(
    FigureFilter Filter,
    int Threshold,
    bool Exact,
    int BaselineYear,
    IReadOnlyList<int> Years,
    IReadOnlyList<FigureTable> Tables,
    IReadOnlyList<BaselineFigure> Baseline,
    IReadOnlyList<LeadTimeFigure> LeadTimes);

/// <summary>A count the policy advisor entered, as the figures count it (no department: counts from before Meldroute have none).</summary>
public readonly record struct EnteredKey(int Year, FormCategory Form, SignalSource Source);

/// <summary>
/// GetFigures: the figures the plan promises (goal 2: signalling capacity against 2024; section 3.4), built only
/// from the anonymous remains of signals — forwarded and purged ones included — and, in tables of their own marked as
/// entered, the counts from before Meldroute that the policy advisor entered (<see cref="BaselineCount"/>). Every table is one slice of a cube
/// that always spans the filter dimensions (year, form, source, department), and <see cref="Suppression"/> protects
/// the whole cube: the same cells are suppressed whatever filter is chosen, so two overlapping filters cannot be
/// subtracted to recover a small count. Policy advisors get suppressed figures; officers may ask for exact counts.
/// </summary>
public static class GetFigures
{
    private sealed record Dim(string Name, IReadOnlyList<object?> Values, IReadOnlyList<string> Labels)
    {
        private readonly Dictionary<object, int> index = Values.Select((v, i) => (v, i)).Where(x => x.v is not null).ToDictionary(x => x.v!, x => x.i);

        private readonly int nullIndex = Values.ToList().IndexOf(null);

        public int IndexOf(object? value) => value is null ? nullIndex : index.GetValueOrDefault(value, -2);
    }

    public static Task<FiguresResult> HandleAsync(
        MeldrouteDbContext db, FigureFilter filter, bool exact, FiguresOptions options, DateTimeOffset now, IStringLocalizer t, CancellationToken cancellationToken) =>
        ComputeAsync(db, filter, exact, options, now, t, only: null, cancellationToken);

    /// <summary>
    /// Only the counted tables named in <paramref name="keys"/>, each exactly as the figures page of the current
    /// municipality publishes it to its policy advisors (same cube, same suppression, same cells): what the region's
    /// figures are made of (<see cref="Region.GetRegionalFigures"/>). No entered counts, training, goal or lead times.
    /// </summary>
    public static async Task<IReadOnlyList<FigureTable>> PublishedTablesAsync(
        MeldrouteDbContext db, FigureFilter filter, FiguresOptions options, DateTimeOffset now, IStringLocalizer t, IReadOnlySet<string> keys, CancellationToken cancellationToken) =>
        (await ComputeAsync(db, filter, exact: false, options, now, t, keys, cancellationToken)).Tables;

    private static async Task<FiguresResult> ComputeAsync(
        MeldrouteDbContext db, FigureFilter filter, bool exact, FiguresOptions options, DateTimeOffset now, IStringLocalizer t, IReadOnlySet<string>? only, CancellationToken cancellationToken)
    {
        bool Wanted(string key) => only is null || only.Contains(key);
        var (facts, leadTimes) = await FigureFacts.CountSignalsAsync(db, cancellationToken);
        var routes = Wanted("per-route") || Wanted("per-partner") ? await FigureFacts.CountRoutesAsync(db, cancellationToken) : new Dictionary<RouteFactKey, long>();
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken);
        // Only partners that something was handed over to: the registry holds many more, and empty rows would only make the cube larger.
        var receiving = routes.Keys.Where(k => k.PartnerId is not null).Select(k => k.PartnerId!.Value).ToHashSet();
        var partners = receiving.Count == 0 ? []
            : (await db.Partners.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
                .Where(p => receiving.Contains(p.Id)).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();

        var entered = (await db.BaselineCounts.AsNoTracking().Select(b => new { b.Year, b.Form, b.Source, b.Count }).ToListAsync(cancellationToken))
            .Where(b => b.Year <= now.Year).ToList();
        var firstYear = Math.Min(options.BaselineYear, facts.Keys.Select(k => k.Year).Concat(entered.Select(b => b.Year)).DefaultIfEmpty(now.Year).Min());
        var years = Enumerable.Range(firstYear, Math.Max(1, now.Year - firstYear + 1)).ToList();
        var threshold = exact ? 0 : options.SuppressionThreshold;

        var yearDim = new Dim("year", [.. years.Cast<object?>()], [.. years.Select(y => y.ToString(CultureInfo.InvariantCulture))]);
        var formDim = Enumerated<FormCategory>("form", f => t["FormCategory_" + f]);
        var sourceDim = Enumerated<SignalSource>("source", s => t["Source_" + s]);
        var departmentDim = new Dim("department", [.. departments.Select(d => (object?)d.Id), null], [.. departments.Select(d => d.Name), t["Figures_NoDepartment"]]);
        var monthDim = new Dim("month", [.. Enumerable.Range(1, 12).Cast<object?>()], [.. Enumerable.Range(1, 12).Select(m => CultureInfo.CurrentCulture.DateTimeFormat.GetMonthName(m))]);
        var quarterDim = new Dim("quarter", [.. Enumerable.Range(1, 4).Cast<object?>()], [.. Enumerable.Range(1, 4).Select(q => t["Figures_Quarter", q].Value)]);
        var locationDim = Enumerated<LocationType>("location", l => t["Location_" + l]);
        var minorDim = new Dim("minor", [true, false], [t["Minor_Yes"], t["Minor_No"]]);
        var routeDim = Enumerated<Route>("route", r => t["Route_" + r]);
        var partnerDim = new Dim("partner", [.. partners.Select(p => (object?)p.Id)], [.. partners.Select(p => p.Name)]);
        Dim[] filterDims = [yearDim, formDim, sourceDim, departmentDim];
        object? FilterValue(Dim d) => d.Name switch
        {
            "year" => filter.Year,
            "form" => filter.Form,
            "source" => filter.Source,
            "department" => filter.DepartmentId,
            _ => null,
        };
        bool Filtered(Dim d) => d.Name == "department" ? filter.DepartmentId is not null : FilterValue(d) is not null;

        object? Of(FactKey k, string dim) => dim switch
        {
            "year" => k.Year,
            "form" => k.Form,
            "source" => k.Source,
            "department" => k.DepartmentId,
            "month" => k.Month,
            "quarter" => ((k.Month - 1) / 3) + 1,
            "location" => k.Location,
            "minor" => k.Minor,
            _ => throw new ArgumentOutOfRangeException(nameof(dim)),
        };

        object? OfRoute(RouteFactKey k, string dim) => dim switch
        {
            "year" => k.Year,
            "form" => k.Form,
            "source" => k.Source,
            "department" => k.DepartmentId,
            "route" => k.Route,
            "partner" => k.PartnerId,
            _ => throw new ArgumentOutOfRangeException(nameof(dim)),
        };

        // The selected year, or the latest, for the tables per month and quarter, each beside the baseline year (goal 2).
        var monthYear = filter.Year ?? years[^1];
        List<int> beside = [.. new[] { options.BaselineYear, monthYear }.Where(years.Contains).Distinct().Order()];

        // An entered table shows only the years with entries (a year without is not "0 entered", it is not entered).
        // A table is a slice of a protected cube (see ProtectTogether): its rows, its year columns, the filter's values.
        FigureTable Table(string key, Dim rows, Dim? columns, (IReadOnlyList<Dim> Dims, SuppressedCube Cube) of, bool throughTheYear = false, IReadOnlyList<int>? onlyYears = null, (Dim Dim, object Value)? fixedAt = null)
        {
            var (dims, suppressed) = of;
            // With columns, the total column is shown too: every row and column of the table is then a whole line of
            // the cube, which is what the suppression protects.
            // A table through the year uses the same cube as any other: publishing only some of its year columns is safe.
            var columnIndexes = columns is null ? [SuppressedCube.Total]
                : throughTheYear ? [.. beside.Select(y => yearDim.IndexOf(y))]
                : onlyYears is not null ? (filter.Year is { } only ? [yearDim.IndexOf(only)] : [.. onlyYears.Select(y => yearDim.IndexOf(y)).Append(SuppressedCube.Total)])
                : columns == yearDim && filter.Year is { } y ? [yearDim.IndexOf(y)]
                : Enumerable.Range(0, columns.Values.Count).Append(SuppressedCube.Total).ToList();
            var columnLabels = columns is null ? [t["Figures_Count"].Value] : columnIndexes.Select(i => i == SuppressedCube.Total ? t["Figures_Total"].Value : columns.Labels[i]).ToList();

            // -2 stands for "nothing can be counted here" (a row the filter excludes, a year outside the range): zero.
            int[] Coordinates(int row, int column)
            {
                var coordinates = new int[dims.Count];
                for (var i = 0; i < dims.Count; i++)
                {
                    var d = dims[i];
                    var filtered = Filtered(d) ? d.IndexOf(FilterValue(d)) : (int?)null;
                    coordinates[i] = d == rows ? (filtered is { } f ? (row == SuppressedCube.Total || row == f ? f : -2) : row)
                        : d == columns ? column
                        : fixedAt is { } at && at.Dim == d ? (filtered is { } g && g != d.IndexOf(at.Value) ? -2 : d.IndexOf(at.Value))
                        : throughTheYear && d == yearDim ? yearDim.IndexOf(monthYear)
                        : filtered ?? SuppressedCube.Total;
                }

                return coordinates;
            }

            FigureCell Cell(int row, int column)
            {
                var coordinates = Coordinates(row, column);
                if (coordinates.Any(c => c == -2))
                {
                    return new FigureCell(0, false);
                }

                return FigureCell.Of(suppressed, coordinates);
            }

            var tableRows = Enumerable.Range(0, rows.Values.Count)
                .Select(r => new FigureRow(rows.Values[r]?.ToString() ?? "none", rows.Labels[r], [.. columnIndexes.Select(c => Cell(r, c))]))
                .Append(new FigureRow("total", t["Figures_Total"], [.. columnIndexes.Select(c => Cell(SuppressedCube.Total, c))], IsTotal: true))
                .ToList();
            var title = throughTheYear ? t["Figures_Table_" + key, monthYear] : t["Figures_Table_" + key];
            var basis = onlyYears is null ? FigureBasis.Counted : FigureBasis.Entered;
            return new FigureTable(key, title, t["Figures_Explain_" + key, options.BaselineYear], rows.Labels.Count > 0 ? t["Figures_Dim_" + rows.Name] : "", columnLabels, tableRows, basis, t["Figures_Basis_" + basis]);
        }

        // Each fact's index in a dimension is looked up once and shared by every table that uses the dimension.
        var signalFacts = new Facts<FactKey>(facts, Of);
        var routeFacts = new Facts<RouteFactKey>(routes, OfRoute);
        // The signals' tables are protected together (the same count is hidden in every table that shows it), so all of
        // them are computed even when only some are asked for: the region's page must get exactly the cells of this page.
        var (signalSpace, signalBy) = ProtectTogether(filterDims, [quarterDim, monthDim, locationDim, minorDim], signalFacts, threshold);
        (IReadOnlyList<Dim>, SuppressedCube) Routes(Dim rows, Facts<RouteFactKey> of)
        {
            List<Dim> dims = [rows, .. filterDims];
            return (dims, Suppression.Apply(Build(dims, of), threshold));
        }

        (string Key, Func<FigureTable> Make)[] counted =
        [
            ("per-year", () => Table("per-year", yearDim, null, signalSpace)),
            ("per-quarter", () => Table("per-quarter", quarterDim, yearDim, signalBy[quarterDim], throughTheYear: true)),
            ("per-month", () => Table("per-month", monthDim, yearDim, signalBy[monthDim], throughTheYear: true)),
            ("per-form", () => Table("per-form", formDim, yearDim, signalSpace)),
            ("per-source", () => Table("per-source", sourceDim, yearDim, signalSpace)),
            ("per-location", () => Table("per-location", locationDim, null, signalBy[locationDim])),
            ("per-department", () => Table("per-department", departmentDim, yearDim, signalSpace, fixedAt: (sourceDim, SignalSource.InternalReport))),
            ("minors", () => Table("minors", minorDim, yearDim, signalBy[minorDim])),
            ("per-route", () => Table("per-route", routeDim, yearDim, Routes(routeDim, routeFacts))),
            ("per-partner", () => Table("per-partner", partnerDim, yearDim, Routes(partnerDim, routeFacts.Where(k => k.PartnerId is not null)))),
        ];
        var tables = counted.Where(c => Wanted(c.Key)).Select(c => c.Make()).ToList();
        if (only is not null)
        {
            return new FiguresResult(filter, threshold, exact, options.BaselineYear, years, tables, [], []);
        }

        // The entered counts: one cube (year, form, source; no department), protected like the counted ones. They carry
        // no department, so a filter on a department leaves them out rather than showing them as zero.
        var enteredYears = entered.Select(b => b.Year).Distinct().Order().ToList();
        FigureTable? enteredPerSource = null;
        if (enteredYears.Count > 0 && filter.DepartmentId is null && (filter.Year is null || enteredYears.Contains(filter.Year.Value)))
        {
            var enteredFacts = new Facts<EnteredKey>(
                entered.GroupBy(b => new EnteredKey(b.Year, b.Form, b.Source)).Select(g => KeyValuePair.Create(g.Key, g.Sum(b => (long)b.Count))),
                (k, dim) => dim switch { "year" => k.Year, "form" => k.Form, "source" => k.Source, "department" => null, _ => throw new ArgumentOutOfRangeException(nameof(dim)) });
            var (enteredSpace, _) = ProtectTogether(filterDims, [], enteredFacts, threshold);
            enteredPerSource = Table("entered-per-source", sourceDim, yearDim, enteredSpace, onlyYears: enteredYears);
            tables.Add(Table("entered-per-form", formDim, yearDim, enteredSpace, onlyYears: enteredYears));
            tables.Add(enteredPerSource);
        }

        tables.AddRange(await TrainingFigures.TablesAsync(db, years, filter.Year, threshold, t, cancellationToken));
        tables = [.. tables.Select(x => x.BasisLabel.Length > 0 ? x : x with { BasisLabel = t["Figures_Basis_" + x.Basis] })];

        // Goal 2 per year: the internal signals counted (the total of the protected table per department) and, for a
        // year with an entered count of internal reports (of the filtered form), that count from the entered table.
        var total = tables.Single(x => x.Key == "per-department").Rows.Single(r => r.IsTotal);
        var shown = filter.Year is { } y ? [y] : years;
        var internalRow = enteredPerSource?.Rows.Single(r => r.Key == nameof(SignalSource.InternalReport));
        var withInternalEntries = entered.Where(b => b.Source == SignalSource.InternalReport && (filter.Form is null || b.Form == filter.Form)).Select(b => b.Year).ToHashSet();
        FigureCell? Entered(int year)
        {
            var column = enteredPerSource?.Columns.ToList().IndexOf(year.ToString(CultureInfo.InvariantCulture)) ?? -1;
            return internalRow is null || column < 0 || !withInternalEntries.Contains(year) || filter.Source is not (null or SignalSource.InternalReport) ? null : internalRow.Cells[column];
        }

        var goal = GoalTwo.Compare([.. shown.Select((year, i) => (year, total.Cells[i], Entered(year)))], options.BaselineYear, compare: filter.Year is null);
        return new FiguresResult(filter, threshold, exact, options.BaselineYear, years, tables, goal, LeadTimeFigures(leadTimes, filter, years, threshold, options, t));
    }

    /// <summary>Lead times per year and step: median and 90th percentile in working days, and how many exceeded the norm. Filtered by year only.</summary>
    private static List<LeadTimeFigure> LeadTimeFigures(LeadTimeHistograms histograms, FigureFilter filter, List<int> years, int threshold, FiguresOptions options, IStringLocalizer t)
    {
        var result = new List<LeadTimeFigure>();
        foreach (var year in filter.Year is { } y ? [y] : years)
        {
            foreach (var step in Enum.GetValues<LeadStep>())
            {
                var histogram = new SortedDictionary<int, long>(histograms.Days.GetValueOrDefault((year, step)) ?? []);
                var norm = options.NormFor(step);
                var count = histogram.Values.Sum();
                var late = histogram.Where(h => h.Key > norm).Sum(h => h.Value);
                var small = count > 0 && count < threshold;
                result.Add(new LeadTimeFigure(
                    year, step, t["LeadStep_" + step], norm,
                    small ? new FigureCell(null, true) : new FigureCell(count, false),
                    small || count == 0 ? null : Quantile(histogram, count, 0.5),
                    small || count == 0 ? null : Quantile(histogram, count, 0.9),
                    (small && late > 0) || (late > 0 && late < threshold) ? new FigureCell(null, true)
                        : small || (count - late > 0 && count - late < threshold) ? new FigureCell(null, true, Secondary: true)
                        : new FigureCell(late, false)));
            }
        }

        return result;
    }

    /// <summary>The nearest-rank quantile of a histogram.</summary>
    private static double Quantile(SortedDictionary<int, long> histogram, long count, double q)
    {
        var rank = (long)Math.Ceiling(q * count);
        long seen = 0;
        foreach (var (days, n) in histogram)
        {
            seen += n;
            if (seen >= rank)
            {
                return days;
            }
        }

        return histogram.Keys.Last();
    }

    private static Dim Enumerated<TEnum>(string name, Func<TEnum, string> label)
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>().ToList();
        return new Dim(name, [.. values.Cast<object?>()], [.. values.Select(label)]);
    }

    /// <summary>
    /// The cubes of a page's tables, protected together. The tables per year, form, source and department are slices of
    /// one cube over the filter dimensions (<paramref name="space"/>: year, form, source, department); each other table
    /// (per quarter, month, location, minors) is a cube of its own dimension beside those, whose margin over its own
    /// dimension is that same space. Suppressed apart, two tables would hide the same count differently (the total of a
    /// year hidden in the table per form to protect a small count, and shown in the table per year), and the one would
    /// give away what the other hides. So a count of the space hidden in any cube is forced hidden in all of them
    /// (<see cref="Suppression.Apply(FigureCube, int, IReadOnlyCollection{int[]}, bool)"/>, protected as a primary is; the
    /// other tables choose their partners outside the space first), and
    /// all are suppressed again until no cube hides a count of the space that the others show. Each round only adds
    /// hidden counts, so it ends; in practice after one or two.
    /// </summary>
    private static ((IReadOnlyList<Dim> Dims, SuppressedCube Cube) Space, Dictionary<Dim, (IReadOnlyList<Dim> Dims, SuppressedCube Cube)> By) ProtectTogether<TKey>(
        Dim[] space, Dim[] beside, Facts<TKey> facts, int threshold)
    {
        var spaceCube = Build([.. space], facts);
        var besideCubes = beside.Select(b => (Dim: b, Dims: (IReadOnlyList<Dim>)[b, .. space], Cube: Build([b, .. space], facts))).ToList();
        var forced = new List<int[]>();
        while (true)
        {
            var suppressedSpace = Suppression.Apply(spaceCube, threshold, forced, keepFirstMargin: false);
            var hidden = suppressedSpace.SuppressedEntries().Select(c => (int[])[SuppressedCube.Total, .. c]).ToList();
            var suppressedBeside = besideCubes.Select(b => (b.Dim, b.Dims, Cube: Suppression.Apply(b.Cube, threshold, hidden, keepFirstMargin: true))).ToList();
            var more = suppressedBeside
                .SelectMany(b => b.Cube.SuppressedEntries().Where(c => c[0] == SuppressedCube.Total).Select(c => c[1..]))
                .Where(c => !suppressedSpace.IsSuppressed(c))
                .DistinctBy(c => string.Join(',', c))
                .ToList();
            if (more.Count == 0)
            {
                return ((space, suppressedSpace), suppressedBeside.ToDictionary(b => b.Dim, b => (b.Dims, b.Cube)));
            }

            forced.AddRange(more);
        }
    }

    private static FigureCube Build<TKey>(List<Dim> dims, Facts<TKey> source)
    {
        var sizes = dims.Select(d => d.Values.Count).ToArray();
        var columns = dims.Select(source.Column).ToArray();
        var counts = new long[sizes.Aggregate(1, (a, b) => a * b)];
        for (var f = 0; f < source.Counts.Length; f++)
        {
            var offset = 0;
            var skip = false;
            for (var i = 0; i < columns.Length; i++)
            {
                var index = columns[i][f];
                if (index < 0)
                {
                    skip = true; // a year outside the range shown, or a department since removed
                    break;
                }

                offset = (offset * sizes[i]) + index;
            }

            if (!skip)
            {
                counts[offset] += source.Counts[f];
            }
        }

        return new FigureCube([.. dims.Select(d => d.Name)], [.. dims.Select(d => (IReadOnlyList<string>)d.Labels)], counts);
    }

    /// <summary>
    /// Counted facts, column-wise: per dimension the index of every fact, computed once (boxing the value and looking
    /// it up) and reused by every table that has the dimension, instead of once per table.
    /// </summary>
    private sealed class Facts<TKey>
    {
        private readonly TKey[] keys;
        private readonly Func<TKey, string, object?> of;
        private readonly Dictionary<Dim, int[]> columns = new(ReferenceEqualityComparer.Instance);

        public Facts(IEnumerable<KeyValuePair<TKey, long>> facts, Func<TKey, string, object?> of)
        {
            keys = [.. facts.Select(f => f.Key)];
            Counts = [.. facts.Select(f => f.Value)];
            this.of = of;
        }

        public long[] Counts { get; }

        public int[] Column(Dim dim)
        {
            if (!columns.TryGetValue(dim, out var column))
            {
                column = new int[keys.Length];
                for (var i = 0; i < keys.Length; i++)
                {
                    column[i] = dim.IndexOf(of(keys[i], dim.Name));
                }

                columns[dim] = column;
            }

            return column;
        }

        /// <summary>The facts that match, with their own columns (a table over a subset, e.g. internal reports only).</summary>
        public Facts<TKey> Where(Func<TKey, bool> predicate) =>
            new(keys.Zip(Counts).Where(f => predicate(f.First)).Select(f => KeyValuePair.Create(f.First, f.Second)), of);
    }
}
