namespace Samverka.Web.Infrastructure;

/// <summary>
/// Europe/Stockholm, looked up once: dates and times people see, session times and date rules are Swedish.
/// Falls back to UTC on a machine without time-zone data rather than failing every request.
/// </summary>
public static class SwedishTimeZone
{
    public static readonly TimeZoneInfo Zone = Find();

    private static TimeZoneInfo Find()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
