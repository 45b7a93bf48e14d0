namespace Samverka.Web.Infrastructure;

/// <summary>
/// Europe/Stockholm, looked up once, and the conversions every feature needs: dates people see, session
/// times and date rules are Swedish. Falls back to UTC on a machine without time-zone data rather than
/// failing every request.
/// </summary>
public static class SwedishTimeZone
{
    public static readonly TimeZoneInfo Zone = Find();

    private static TimeZoneInfo Find()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }

    /// <summary>The wall-clock time in Sweden at <paramref name="t"/>.</summary>
    public static DateTime Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Zone).DateTime;

    /// <summary>The calendar date in Sweden at <paramref name="t"/>.</summary>
    public static DateOnly Today(DateTimeOffset t) => DateOnly.FromDateTime(Local(t));

    /// <summary>Today's calendar date in Sweden by <paramref name="time"/>.</summary>
    public static DateOnly Today(TimeProvider time) => Today(time.GetUtcNow());

    /// <summary>A Swedish local date and time as an instant (with Sweden's offset on that day).</summary>
    public static DateTimeOffset Instant(DateOnly d, TimeOnly t)
    {
        var local = d.ToDateTime(t);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
