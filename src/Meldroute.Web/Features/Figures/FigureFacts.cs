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
public readonly record struct RouteFactKey(int Year, FormCategory Form, SignalSource Source, int? DepartmentId, Route Route);

/// <summary>Lead times in working days per year and step, as histograms (so that memory does not grow with the number of signals).</summary>
public sealed class LeadTimeHistograms
{
    public Dictionary<(int Year, LeadStep Step), Dictionary<int, long>> Days { get; } = [];

    public void Add(int year, LeadStep step, int days)
    {
        if (!Days.TryGetValue((year, step), out var histogram))
        {
            Days[(year, step)] = histogram = [];
        }

        histogram[days] = histogram.GetValueOrDefault(days) + 1;
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
/// columns) into combinations of characteristics. Streams the rows, so memory depends on the number of combinations,
/// never on the number of signals. No personal data is read.
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

    /// <summary>Monday to Friday between two instants (Dutch time is close enough for a norm counted in days).</summary>
    public static int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var start = DateOnly.FromDateTime(from.UtcDateTime);
        var end = DateOnly.FromDateTime(to.UtcDateTime);
        if (end <= start)
        {
            return 0;
        }

        var days = end.DayNumber - start.DayNumber;
        var weeks = days / 7;
        var count = weeks * 5;
        for (var d = start.AddDays(weeks * 7); d < end; d = d.AddDays(1))
        {
            count += d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }

        return count;
    }

    public static async Task<(Dictionary<FactKey, long> Signals, LeadTimeHistograms LeadTimes)> CountSignalsAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<FactKey, long>();
        var lead = new LeadTimeHistograms();
        var rows = db.Signals.AsNoTracking().Select(s => new
        {
            s.ReceivedAt, s.Forms, s.ClassifiedForms, s.Source, s.DepartmentId, s.LocationType, s.InvolvesMinor, s.FirstAnalysisAt, s.OnAgendaAt, s.ForwardedAt,
        }).AsAsyncEnumerable();
        await foreach (var s in rows.WithCancellation(cancellationToken))
        {
            var received = s.ReceivedAt.UtcDateTime;
            var key = new FactKey(received.Year, received.Month, Categorise(s.Forms, s.ClassifiedForms), s.Source, s.Source == SignalSource.InternalReport ? s.DepartmentId : null, s.LocationType, s.InvolvesMinor);
            counts[key] = counts.GetValueOrDefault(key) + 1;
            if (s.FirstAnalysisAt is { } analysed)
            {
                lead.Add(received.Year, LeadStep.ToFirstAnalysis, WorkingDaysBetween(s.ReceivedAt, analysed));
            }

            if (s.OnAgendaAt is { } agenda)
            {
                lead.Add(received.Year, LeadStep.ToCaseTable, WorkingDaysBetween(s.ReceivedAt, agenda));
            }

            if (s.ForwardedAt is { } forwarded)
            {
                lead.Add(received.Year, LeadStep.ToForwarded, WorkingDaysBetween(s.ReceivedAt, forwarded));
            }
        }

        return (counts, lead);
    }

    public static async Task<Dictionary<RouteFactKey, long>> CountRoutesAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<RouteFactKey, long>();
        var rows = (from r in db.DecisionRoutes.AsNoTracking()
                    join s in db.Signals.AsNoTracking() on r.SignalId equals s.Id
                    select new { s.ReceivedAt, s.Forms, s.ClassifiedForms, s.Source, s.DepartmentId, r.Route }).AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            var key = new RouteFactKey(r.ReceivedAt.UtcDateTime.Year, Categorise(r.Forms, r.ClassifiedForms), r.Source, r.Source == SignalSource.InternalReport ? r.DepartmentId : null, r.Route);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }
}
