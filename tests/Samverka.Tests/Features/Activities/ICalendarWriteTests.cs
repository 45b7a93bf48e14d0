using System.Globalization;
using System.Text;
using Samverka.Web.Data;
using Samverka.Web.Features.Activities;
using Xunit.Abstractions;

namespace Samverka.Tests.Features.Activities;

/// <summary>ICalendar.Write without the web app: the text the feeds, downloads and e-mail attachments carry.</summary>
public class ICalendarWriteTests(ITestOutputHelper output)
{
    private static Activity Sample() => new()
    {
        Id = 7, Uid = Guid.Parse("0b8e2a52-4b51-4a43-9a39-5d1c0e3f8a11"), Title = "Läsfrämjande, steg 1; grund", CountyCode = "19",
        Status = ActivityStatus.Cancelled, CancellationReason = "Föreläsaren är sjuk", Place = "Stadsbiblioteket, Västerås",
        CreatedAt = new DateTimeOffset(2030, 1, 1, 8, 0, 0, TimeSpan.Zero), UpdatedAt = new DateTimeOffset(2030, 1, 1, 8, 1, 0, TimeSpan.Zero),
        Sessions =
        [
            new() { Id = 12, Date = new DateOnly(2030, 11, 5), StartTime = new TimeOnly(13, 0), EndTime = new TimeOnly(15, 30) },
            new() { Id = 11, Date = new DateOnly(2030, 6, 4), StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(12, 0) },
        ],
    };

    [Fact]
    public void Write_UnderSwedishCulture_AsciiNumbersAndTheRfc5545Properties()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("sv-SE"); // writes -1 as "−1" (U+2212)
        string text;
        try
        {
            text = Encoding.UTF8.GetString(ICalendar.Write([Sample()], "Samverka: Västmanland", "https://samverka.example/", new DateTimeOffset(2030, 2, 3, 10, 4, 5, TimeSpan.FromHours(1))));
            Assert.Equal("sv-SE", CultureInfo.CurrentCulture.Name); // the caller's culture is back
        }
        finally { CultureInfo.CurrentCulture = culture; }
        output.WriteLine(text);

        Assert.DoesNotContain("\u2212", text, StringComparison.Ordinal);
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal);
        var lines = unfolded.Split("\r\n");
        Assert.Contains("BEGIN:VTIMEZONE", lines);
        Assert.Contains("TZID:Europe/Stockholm", lines);
        Assert.Contains(lines, l => l.StartsWith("RRULE:", StringComparison.Ordinal) && l.Contains("BYDAY=-1SU", StringComparison.Ordinal));
        Assert.Contains("X-WR-CALNAME:Samverka: Västmanland", lines);
        Assert.Contains("METHOD:PUBLISH", lines);
        // Sessions in date order, numbered, with their own stable UIDs.
        Assert.Equal(["UID:0b8e2a52-4b51-4a43-9a39-5d1c0e3f8a11-11@samverka", "UID:0b8e2a52-4b51-4a43-9a39-5d1c0e3f8a11-12@samverka"],
            lines.Where(l => l.StartsWith("UID:", StringComparison.Ordinal)));
        Assert.Equal(["SUMMARY:Läsfrämjande\\, steg 1\\; grund (1 av 2)", "SUMMARY:Läsfrämjande\\, steg 1\\; grund (2 av 2)"],
            lines.Where(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal)));
        Assert.Contains("DTSTART;TZID=Europe/Stockholm:20300604T090000", lines);
        Assert.Contains("DTEND;TZID=Europe/Stockholm:20301105T153000", lines);
        Assert.Equal(2, lines.Count(l => l == "DTSTAMP:20300203T090405Z"));
        Assert.Equal(2, lines.Count(l => l == "STATUS:CANCELLED"));
        Assert.Equal(2, lines.Count(l => l == "SEQUENCE:60"));
        Assert.Contains("LOCATION:Stadsbiblioteket\\, Västerås", lines);
        Assert.Contains("URL:https://samverka.example/aktiviteter/7", lines);
        Assert.Contains("DESCRIPTION:INSTÄLLD. Föreläsaren är sjuk\\n\\nhttps://samverka.example/aktiviteter/7", lines);
        Assert.All(text.Split("\r\n"), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
    }
}
