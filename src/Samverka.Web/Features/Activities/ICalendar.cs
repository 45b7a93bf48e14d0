using System.Globalization;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Samverka.Web.Data;
using IcalCalendar = Ical.Net.Calendar;

namespace Samverka.Web.Features.Activities;

/// <summary>
/// iCalendar (RFC 5545) for activities, written with Ical.Net: one VEVENT per session, local times with
/// TZID=Europe/Stockholm and the zone's rules in a VTIMEZONE (calendar programs do not all know Olson names),
/// stable UIDs so a subscribed feed updates events instead of duplicating them, STATUS:CANCELLED for
/// cancelled activities. Ical.Net escapes TEXT values, ends lines in CRLF and folds them at 75 octets.
/// </summary>
public static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string TimeZoneId = "Europe/Stockholm";

    /// <summary>The VTIMEZONE's rules start here, so that every session in a feed (past ones too) is covered.</summary>
    private static readonly DateTime TimeZoneRulesFrom = new(1996, 1, 1);

    /// <param name="activities">With sessions (and organiser library) loaded.</param>
    /// <param name="baseUrl">The public address, for each event's URL.</param>
    public static byte[] Write(IEnumerable<Activity> activities, string calendarName, string baseUrl, DateTimeOffset now)
    {
        var calendar = new IcalCalendar { ProductId = "-//Samverka//Aktiviteter//SV", Scale = "GREGORIAN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        calendar.AddTimeZone(TimeZoneId, TimeZoneRulesFrom, includeHistoricalData: false);
        var stamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId);
        foreach (var a in activities)
        {
            var sessions = a.Sessions.OrderBy(s => s.Date).ThenBy(s => s.StartTime).ToList();
            for (var i = 0; i < sessions.Count; i++)
                calendar.Events.Add(Event(a, sessions[i], i + 1, sessions.Count, baseUrl, stamp));
        }
        return Encoding.UTF8.GetBytes(Serialize(calendar));
    }

    /// <summary>
    /// Ical.Net formats some numbers with the current culture, and Swedish (ICU) writes negative numbers with
    /// U+2212 MINUS SIGN ("BYDAY=−1SU", which calendar programs reject), so it serialises under the invariant culture.
    /// </summary>
    private static string Serialize(IcalCalendar calendar)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try { return new CalendarSerializer().SerializeToString(calendar)!; }
        finally { CultureInfo.CurrentCulture = culture; }
    }

    private static CalendarEvent Event(Activity a, ActivitySession s, int number, int count, string baseUrl, CalDateTime stamp)
    {
        var url = $"{baseUrl.TrimEnd('/')}/aktiviteter/{a.Id}";
        var location = string.Join(", ", new[] { a.Place, a.OnlineUrl }.Where(x => !string.IsNullOrWhiteSpace(x)));
        var cancelled = a.Status == ActivityStatus.Cancelled;
        var description = string.Join("\n\n", new[] { a.Description, cancelled ? "INSTÄLLD. " + a.CancellationReason : null, url }
            .Where(x => !string.IsNullOrWhiteSpace(x)));
        return new CalendarEvent
        {
            Uid = $"{a.Uid:D}-{s.Id}@samverka",
            DtStamp = stamp,
            DtStart = new CalDateTime(s.Date, s.StartTime, TimeZoneId),
            DtEnd = new CalDateTime(s.Date, s.EndTime, TimeZoneId),
            Summary = count > 1 ? $"{a.Title} ({number} av {count})" : a.Title,
            Location = location.Length > 0 ? location : null,
            Description = description.Replace("\r\n", "\n").Replace('\r', '\n'),
            Url = new Uri(url),
            Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            // Increases with every change of the activity, so calendar programs take the new version.
            Sequence = (int)Math.Max(0, (long)(a.UpdatedAt - a.CreatedAt).TotalSeconds % int.MaxValue),
        };
    }
}
