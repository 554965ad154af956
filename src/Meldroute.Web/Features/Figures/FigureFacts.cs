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
/// columns) into combinations of characteristics, read from the monthly counts kept up with every save
/// (<see cref="FigureCount"/>). No personal data is read.
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
    /// Reads the maintained monthly counts (<see cref="FigureCount"/>): the work and the memory depend on the number of
    /// combinations of characteristics, not on the number of signals.
    /// </summary>
    public static async Task<(Dictionary<FactKey, long> Signals, LeadTimeHistograms LeadTimes)> CountSignalsAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<FactKey, long>();
        var lead = new LeadTimeHistograms();
        // Streamed, one flat row at a time: no list of all rows.
        var rows = db.FigureCounts.AsNoTracking().Where(c => c.Kind != FigureCountKind.Routes && c.Count != 0)
            .Select(c => new { c.Kind, c.ReceivedMonth, c.Source, c.Forms, c.ClassifiedForms, c.DepartmentId, c.LocationType, c.InvolvesMinor, c.Days, c.Count })
            .AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(cancellationToken))
        {
            switch (c.Kind)
            {
                case FigureCountKind.Signals:
                    var key = new FactKey(c.ReceivedMonth / 100, c.ReceivedMonth % 100, Categorise(c.Forms, c.ClassifiedForms), c.Source, c.Source == SignalSource.InternalReport && c.DepartmentId != 0 ? c.DepartmentId : null, c.LocationType, c.InvolvesMinor);
                    CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _) += c.Count;
                    break;
                case FigureCountKind.FirstAnalysisDays:
                    lead.Add(c.ReceivedMonth / 100, LeadStep.ToFirstAnalysis, c.Days, c.Count);
                    break;
                case FigureCountKind.CaseTableDays:
                    lead.Add(c.ReceivedMonth / 100, LeadStep.ToCaseTable, c.Days, c.Count);
                    break;
                case FigureCountKind.ForwardedDays:
                    lead.Add(c.ReceivedMonth / 100, LeadStep.ToForwarded, c.Days, c.Count);
                    break;
            }
        }

        return (counts, lead);
    }

    /// <summary>The decided routes, from the maintained monthly counts (<see cref="FigureCount"/>).</summary>
    public static async Task<Dictionary<RouteFactKey, long>> CountRoutesAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        var rows = db.FigureCounts.AsNoTracking().Where(c => c.Kind == FigureCountKind.Routes && c.Count != 0)
            .Select(c => new { c.ReceivedMonth, c.Source, c.Forms, c.ClassifiedForms, c.DepartmentId, c.Route, c.PartnerId, c.Count })
            .AsAsyncEnumerable();
        var counts = new Dictionary<RouteFactKey, long>();
        await foreach (var c in rows.WithCancellation(cancellationToken))
        {
            var key = new RouteFactKey(c.ReceivedMonth / 100, Categorise(c.Forms, c.ClassifiedForms), c.Source, c.Source == SignalSource.InternalReport && c.DepartmentId != 0 ? c.DepartmentId : null, c.Route, c.PartnerId == 0 ? null : c.PartnerId);
            CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _) += c.Count;
        }

        return counts;
    }
}
