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

    /// <summary>
    /// The last day on which a step counted from <paramref name="from"/> is within a norm of <paramref name="norm"/>
    /// working days: the step is late from the day after (when <see cref="Between"/> exceeds the norm).
    /// </summary>
    public static DateOnly LastDayWithin(DateTimeOffset from, int norm)
    {
        var start = DateOnly.FromDateTime(from.UtcDateTime);
        var day = start;
        while (Between(start, day.AddDays(1)) <= norm)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>
    /// The instant before which a step counted from then is late on <paramref name="now"/> under a norm of
    /// <paramref name="norm"/> working days: received before it means more than the norm has passed (for a filter in SQL).
    /// </summary>
    public static DateTimeOffset LateIfBefore(DateTimeOffset now, int norm)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var day = today;
        while (Between(day, today) <= norm)
        {
            day = day.AddDays(-1);
        }

        return new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    private static int Between(DateOnly from, DateOnly to) =>
        Between(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
}
