using System.Runtime.InteropServices;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Figures;

/// <summary>The single form a signal counts under in the figures, so that tables add up (a signal with several forms counts once).</summary>
public enum FormCategory
{
    Sexual,
    Labour,
    Criminal,
    Multiple,
    Unknown,
}

/// <summary>One combination of the anonymous characteristics the figures count by.</summary>
public readonly record struct FactKey(int Year, int Month, FormCategory Form, SignalSource Source, int? DepartmentId, LocationType Location, bool Minor);

/// <summary>A route decision with the characteristics of its signal.</summary>
/// <summary>A decided route; <see cref="PartnerId"/> is the partner it was handed over to, null until forwarded.</summary>
public readonly record struct RouteFactKey(int Year, FormCategory Form, SignalSource Source, int? DepartmentId, Route Route, int? PartnerId);

/// <summary>Lead times in working days per year and step, as histograms (so that memory does not grow with the number of signals).</summary>
public sealed class LeadTimeHistograms
{
    public Dictionary<(int Year, LeadStep Step), Dictionary<int, long>> Days { get; } = [];

    public void Add(int year, LeadStep step, int days, long count = 1)
    {
        if (!Days.TryGetValue((year, step), out var histogram))
        {
            Days[(year, step)] = histogram = [];
        }

        CollectionsMarshal.GetValueRefOrAddDefault(histogram, days, out _) += count;
    }
}

public enum LeadStep
{
    /// <summary>Received → first analysis.</summary>
    ToFirstAnalysis,

    /// <summary>Received → on a case-table agenda.</summary>
    ToCaseTable,

    /// <summary>Received → forwarded.</summary>
    ToForwarded,
}

/// <summary>
/// Counts the anonymous remains of every signal (forwarded and purged ones included: they keep exactly these
/// columns) into combinations of characteristics, with GROUP BY in the database. No personal data is read.
/// </summary>
public static class FigureFacts
{
    public static FormCategory Categorise(ExploitationForms reported, ExploitationForms classified)
    {
        var forms = (classified != ExploitationForms.None ? classified : reported) & (ExploitationForms.Sexual | ExploitationForms.Labour | ExploitationForms.Criminal);
        return forms switch
        {
            ExploitationForms.Sexual => FormCategory.Sexual,
            ExploitationForms.Labour => FormCategory.Labour,
            ExploitationForms.Criminal => FormCategory.Criminal,
            ExploitationForms.None => FormCategory.Unknown,
            _ => FormCategory.Multiple,
        };
    }

    /// <summary>
    /// Counts in the database: one GROUP BY over the anonymous figure columns (indexed), so the work and the memory
    /// depend on the number of combinations, not on the number of signals.
    /// </summary>
    public static async Task<(Dictionary<FactKey, long> Signals, LeadTimeHistograms LeadTimes)> CountSignalsAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        // Streamed into the dictionary, one flat row at a time: no list of all groups and no nested key objects.
        var groups = db.Signals.AsNoTracking()
            .GroupBy(s => new { s.ReceivedMonth, s.Source, s.Forms, s.ClassifiedForms, s.DepartmentId, s.LocationType, s.InvolvesMinor })
            .Select(g => new { g.Key.ReceivedMonth, g.Key.Source, g.Key.Forms, g.Key.ClassifiedForms, g.Key.DepartmentId, g.Key.LocationType, g.Key.InvolvesMinor, Count = g.LongCount() })
            .AsAsyncEnumerable();
        var counts = new Dictionary<FactKey, long>();
        await foreach (var g in groups.WithCancellation(cancellationToken))
        {
            var key = new FactKey(g.ReceivedMonth / 100, g.ReceivedMonth % 100, Categorise(g.Forms, g.ClassifiedForms), g.Source, g.Source == SignalSource.InternalReport ? g.DepartmentId : null, g.LocationType, g.InvolvesMinor);
            CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _) += g.Count;
        }

        var lead = new LeadTimeHistograms();
        async Task HistogramAsync(LeadStep step, IQueryable<MonthDays> rows)
        {
            var groups = rows.GroupBy(r => new { r.Month, r.Days }).Select(g => new { g.Key.Month, g.Key.Days, Count = g.LongCount() }).AsAsyncEnumerable();
            await foreach (var g in groups.WithCancellation(cancellationToken))
            {
                lead.Add(g.Month / 100, step, g.Days, g.Count);
            }
        }

        var signals = db.Signals.AsNoTracking();
        await HistogramAsync(LeadStep.ToFirstAnalysis, signals.Where(s => s.FirstAnalysisWorkingDays != null).Select(s => new MonthDays { Month = s.ReceivedMonth, Days = s.FirstAnalysisWorkingDays!.Value }));
        await HistogramAsync(LeadStep.ToCaseTable, signals.Where(s => s.CaseTableWorkingDays != null).Select(s => new MonthDays { Month = s.ReceivedMonth, Days = s.CaseTableWorkingDays!.Value }));
        await HistogramAsync(LeadStep.ToForwarded, signals.Where(s => s.ForwardedWorkingDays != null).Select(s => new MonthDays { Month = s.ReceivedMonth, Days = s.ForwardedWorkingDays!.Value }));
        return (counts, lead);
    }

    /// <summary>A signal's month of receipt and the working days of one step.</summary>
    private sealed class MonthDays
    {
        public int Month { get; set; }

        public int Days { get; set; }
    }

    public static async Task<Dictionary<RouteFactKey, long>> CountRoutesAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        var groups = (from r in db.DecisionRoutes.AsNoTracking()
                      join s in db.Signals.AsNoTracking() on r.SignalId equals s.Id
                      group r by new { s.ReceivedMonth, s.Forms, s.ClassifiedForms, s.Source, s.DepartmentId, r.Route, r.ForwardedToPartnerId } into g
                      select new { g.Key.ReceivedMonth, g.Key.Forms, g.Key.ClassifiedForms, g.Key.Source, g.Key.DepartmentId, g.Key.Route, g.Key.ForwardedToPartnerId, Count = g.LongCount() }).AsAsyncEnumerable();
        var counts = new Dictionary<RouteFactKey, long>();
        await foreach (var g in groups.WithCancellation(cancellationToken))
        {
            var key = new RouteFactKey(g.ReceivedMonth / 100, Categorise(g.Forms, g.ClassifiedForms), g.Source, g.Source == SignalSource.InternalReport ? g.DepartmentId : null, g.Route, g.ForwardedToPartnerId);
            CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _) += g.Count;
        }

        return counts;
    }
}
