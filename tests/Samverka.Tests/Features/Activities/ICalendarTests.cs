using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Xunit.Abstractions;
using Samverka.Web.Features.Activities;

namespace Samverka.Tests.Features.Activities;

/// <summary>
/// Every feed and .ics download parsed by ical.js (npm, run with node; ./test installs it), as a calendar
/// program would: the right UTC instants on both sides of the daylight-saving changes, stable UIDs,
/// STATUS:CANCELLED, and the line rules of RFC 5545.
/// </summary>
[Collection(AppCollection.Name)]
public class ICalendarTests(SamverkaFactory app, ITestOutputHelper output)
{
    private sealed record Parsed(string Version, string Prodid, string? Name, string[] Timezones, Event[] Events);
    private sealed record Event(string Uid, string Summary, string? Location, string? Description, string Status, string? Url, string Tzid,
        string Dtstamp, string StartUtc, string EndUtc);

    private static DateOnly LastSunday(int year, int month)
    {
        var d = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        while (d.DayOfWeek != DayOfWeek.Sunday) d = d.AddDays(-1);
        return d;
    }

    private static string IcalFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Samverka.Tests", "ical");
            if (File.Exists(Path.Combine(candidate, "parse.mjs"))) return candidate;
        }
        throw new InvalidOperationException("tests/Samverka.Tests/ical not found");
    }

    private static async Task<Parsed> ParseAsync(byte[] ics)
    {
        var folder = IcalFolder();
        Assert.True(System.IO.Directory.Exists(Path.Combine(folder, "node_modules", "ical.js")), "ical.js is missing: ./test runs npm ci in tests/Samverka.Tests/ical");
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, ics);
        try
        {
            var psi = new ProcessStartInfo("node", ["parse.mjs", file]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            var stdout = await p.StandardOutput.ReadToEndAsync();
            var stderr = await p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            Assert.True(p.ExitCode == 0, "ical.js could not parse the file: " + stderr);
            return JsonSerializer.Deserialize<Parsed>(stdout, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        }
        finally { File.Delete(file); }
    }

    private static void AssertLineRules(byte[] ics)
    {
        var text = Encoding.UTF8.GetString(ics);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""), StringComparison.Ordinal); // every line ends in CRLF
        foreach (var line in text.Split("\r\n")) Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}");
    }

    private async Task<byte[]> GetIcsAsync(string url)
    {
        var response = await app.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Feeds_ParsedByIcalJs_TimesAroundDaylightSavingChangesAreRightUtcInstants()
    {
        var year = DateTime.UtcNow.Year + 1;
        var march = LastSunday(year, 3);
        var october = LastSunday(year, 10);
        var t = (int h, int m) => new TimeOnly(h, m);
        var id = await ActivitySamples.CreateAsync(app, county: "12", themes: [3, 5], sessions:
        [
            (march.AddDays(-1), t(10, 0), t(12, 0)),  // Saturday before: CET, UTC+1
            (march, t(1, 0), t(1, 45)),               // Sunday night before 02:00: still CET
            (march, t(10, 0), t(12, 0)),              // same Sunday, after the change: CEST, UTC+2
            (october.AddDays(-1), t(10, 0), t(12, 0)), // Saturday before: CEST
            (october, t(10, 0), t(12, 0)),             // after 03:00 on the Sunday: CET again
        ]);
        var title = "Källkritik, MIK; test \\ med en mycket lång titel som måste radbrytas enligt RFC 5545 åäö åäö åäö";
        await app.WithDbAsync(async db =>
        {
            var a = await db.Activities.SingleAsync(x => x.Id == id);
            a.Title = title;
            a.Description = "Rad ett\nRad två, med komma; och semikolon";
            return await db.SaveChangesAsync();
        });

        var expected = new[]
        {
            ($"{march.AddDays(-1):yyyy-MM-dd}T09:00:00.000Z", $"{march.AddDays(-1):yyyy-MM-dd}T11:00:00.000Z"),
            ($"{march:yyyy-MM-dd}T00:00:00.000Z", $"{march:yyyy-MM-dd}T00:45:00.000Z"),
            ($"{march:yyyy-MM-dd}T08:00:00.000Z", $"{march:yyyy-MM-dd}T10:00:00.000Z"),
            ($"{october.AddDays(-1):yyyy-MM-dd}T08:00:00.000Z", $"{october.AddDays(-1):yyyy-MM-dd}T10:00:00.000Z"),
            ($"{october:yyyy-MM-dd}T09:00:00.000Z", $"{october:yyyy-MM-dd}T11:00:00.000Z"),
        };
        foreach (var url in new[] { "/kalender/lan/12.ics", "/kalender/tema/5.ics", $"/aktiviteter/{id}?handler=Ics" })
        {
            var ics = await GetIcsAsync(url);
            AssertLineRules(ics);
            var parsed = await ParseAsync(ics);
            Assert.Equal("2.0", parsed.Version);
            Assert.Equal(["Europe/Stockholm"], parsed.Timezones);
            var events = parsed.Events.Where(e => e.Uid.Contains($"-", StringComparison.Ordinal) && e.Summary.StartsWith(title, StringComparison.Ordinal))
                .OrderBy(e => e.StartUtc, StringComparer.Ordinal).ToList();
            Assert.Equal(5, events.Count);
            Assert.Equal(expected, events.Select(e => (e.StartUtc, e.EndUtc)));
            Assert.All(events, e => Assert.Equal("Europe/Stockholm", e.Tzid));
            Assert.All(events, e => Assert.Equal("CONFIRMED", e.Status));
            Assert.All(events, e => Assert.EndsWith("@samverka", e.Uid, StringComparison.Ordinal));
            Assert.Equal(5, events.Select(e => e.Uid).Distinct().Count());
            Assert.StartsWith("Rad ett\nRad två, med komma; och semikolon", events[0].Description, StringComparison.Ordinal);
            output.WriteLine($"{url}: ical.js parsed {parsed.Events.Length} events; DST sessions → {string.Join(", ", events.Select(e => e.StartUtc))}");
        }
        // Stable UIDs: the same event keeps its UID in a second download.
        var first = await ParseAsync(await GetIcsAsync($"/aktiviteter/{id}?handler=Ics"));
        var second = await ParseAsync(await GetIcsAsync("/kalender/lan/12.ics"));
        Assert.All(first.Events, e => Assert.Contains(second.Events, x => x.Uid == e.Uid));
    }

    [Fact]
    public async Task Feed_CancelledActivity_IsStatusCancelled_DraftIsAbsent()
    {
        var cancelled = await ActivitySamples.CreateAsync(app, county: "19");
        var draft = await ActivitySamples.CreateAsync(app, county: "19", status: ActivityStatus.Draft);
        var (cancelledTitle, draftTitle) = await app.WithDbAsync(async db =>
        {
            var a = await db.Activities.SingleAsync(x => x.Id == cancelled);
            a.Status = ActivityStatus.Cancelled;
            a.CancellationReason = "Föreläsaren är sjuk";
            await db.SaveChangesAsync();
            return (a.Title, await db.Activities.Where(x => x.Id == draft).Select(x => x.Title).SingleAsync());
        });

        var ics = await GetIcsAsync("/kalender/lan/19.ics");
        AssertLineRules(ics);
        var parsed = await ParseAsync(ics);

        Assert.Equal("CANCELLED", parsed.Events.Single(e => e.Summary == cancelledTitle).Status);
        Assert.DoesNotContain(parsed.Events, e => e.Summary == draftTitle);
        // The demo data's Västmanland activities (seed 004) are there too, each with a DTSTAMP in UTC.
        Assert.Contains(parsed.Events, e => e.Summary == "Data detox kit som arbetsmetod");
        Assert.All(parsed.Events, e => Assert.EndsWith("Z", e.Dtstamp, StringComparison.Ordinal));
        output.WriteLine($"/kalender/lan/19.ics: ical.js parsed {parsed.Events.Length} events");
    }

    [Fact]
    public async Task Feed_UnknownRegionOrTheme_Returns404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/kalender/lan/99.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/kalender/tema/9999.ics")).StatusCode);
    }
}
