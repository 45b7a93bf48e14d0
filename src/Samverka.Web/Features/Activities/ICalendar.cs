using System.Globalization;
using System.Text;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Activities;

/// <summary>
/// iCalendar (RFC 5545) for activities: one VEVENT per session, local times with TZID=Europe/Stockholm
/// and the zone's rules in a VTIMEZONE (calendar programs do not all know Olson names), stable UIDs so a
/// subscribed feed updates events instead of duplicating them, STATUS:CANCELLED for cancelled
/// activities, CRLF line ends and lines folded at 75 octets without splitting a UTF-8 character.
/// </summary>
public static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string TimeZoneId = "Europe/Stockholm";

    /// <summary>EU rules since 1996: summer time from the last Sunday of March 02:00 to the last Sunday of October 03:00.</summary>
    private static readonly string[] TimeZone =
    [
        "BEGIN:VTIMEZONE", "TZID:" + TimeZoneId, "X-LIC-LOCATION:" + TimeZoneId,
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ];

    /// <param name="activities">With sessions (and organiser library) loaded.</param>
    /// <param name="baseUrl">The public address, for each event's URL.</param>
    public static byte[] Write(IEnumerable<Activity> activities, string calendarName, string baseUrl, DateTimeOffset now)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Samverka//Aktiviteter//SV", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Text(calendarName), "X-WR-TIMEZONE:" + TimeZoneId,
        };
        lines.AddRange(TimeZone);
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var a in activities)
        foreach (var s in a.Sessions.OrderBy(s => s.Date).ThenBy(s => s.StartTime))
        {
            var url = $"{baseUrl.TrimEnd('/')}/aktiviteter/{a.Id}";
            var location = string.Join(", ", new[] { a.Place, a.OnlineUrl }.Where(x => !string.IsNullOrWhiteSpace(x)));
            lines.Add("BEGIN:VEVENT");
            lines.Add($"UID:{a.Uid:D}-{s.Id}@samverka");
            lines.Add("DTSTAMP:" + stamp);
            lines.Add($"DTSTART;TZID={TimeZoneId}:{Local(s.Date, s.StartTime)}");
            lines.Add($"DTEND;TZID={TimeZoneId}:{Local(s.Date, s.EndTime)}");
            lines.Add("SUMMARY:" + Text(a.Sessions.Count > 1 ? $"{a.Title} ({SessionNumber(a, s)} av {a.Sessions.Count})" : a.Title));
            if (location.Length > 0) lines.Add("LOCATION:" + Text(location));
            var description = string.Join("\n\n", new[] { a.Description, a.Status == ActivityStatus.Cancelled ? "INSTÄLLD. " + a.CancellationReason : null, url }
                .Where(x => !string.IsNullOrWhiteSpace(x)));
            lines.Add("DESCRIPTION:" + Text(description));
            lines.Add("URL:" + url);
            lines.Add("STATUS:" + (a.Status == ActivityStatus.Cancelled ? "CANCELLED" : "CONFIRMED"));
            // Increases with every change of the activity, so calendar programs take the new version.
            lines.Add("SEQUENCE:" + Math.Max(0, (long)(a.UpdatedAt - a.CreatedAt).TotalSeconds % int.MaxValue).ToString(CultureInfo.InvariantCulture));
            lines.Add("END:VEVENT");
        }
        lines.Add("END:VCALENDAR");
        var sb = new StringBuilder();
        foreach (var line in lines) Fold(sb, line);
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static int SessionNumber(Activity a, ActivitySession s) =>
        a.Sessions.OrderBy(x => x.Date).ThenBy(x => x.StartTime).ToList().IndexOf(s) + 1;

    private static string Local(DateOnly d, TimeOnly t) =>
        d.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "T" + t.ToString("HHmmss", CultureInfo.InvariantCulture);

    /// <summary>TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines.</summary>
    public static string Text(string? value) => (value ?? "")
        .Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,")
        .Replace("\r\n", "\n").Replace("\r", "\n").Replace("\n", "\\n");

    /// <summary>Content lines longer than 75 octets continue on lines starting with a space (RFC 5545 3.1).</summary>
    public static void Fold(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var n = rune.Utf8SequenceLength;
            if (octets + n > limit)
            {
                sb.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }
            sb.Append(rune.ToString());
            octets += n;
        }
        sb.Append("\r\n");
    }
}
