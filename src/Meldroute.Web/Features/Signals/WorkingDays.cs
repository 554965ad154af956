namespace Meldroute.Web.Features.Signals;

/// <summary>Working days as the lead-time norms count them: the signal's figure columns and the figures' norms.</summary>
public static class WorkingDays
{
    /// <summary>Monday to Friday between two instants (Dutch time is close enough for a norm counted in days).</summary>
    public static int Between(DateTimeOffset from, DateTimeOffset to)
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
}
