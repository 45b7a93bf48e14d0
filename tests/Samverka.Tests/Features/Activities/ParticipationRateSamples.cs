using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Features.Directory.Kb;
using Samverka.Tests.Support;
using Samverka.Web.Features.Activities;
using Samverka.Web.Features.Directory;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Features.Activities;

/// <summary>
/// Data for the participants-per-100-staff tests, and the expected figures computed here from the database on their own
/// (not through StaffFigures or ActivityStatistics), so a page that shows the wrong denominator or count fails.
/// </summary>
public static class ParticipationRateSamples
{
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");

    public sealed record Staff(decimal Persons, int FromYear, int ToYear)
    {
        public string Years => FromYear == ToYear ? $"{FromYear}" : $"{FromYear}–{ToYear}";
    }

    /// <summary>A library with a fictional sigel, made in the database.</summary>
    public static Task<(int Id, string Sigel, string Name)> LibraryAsync(SamverkaFactory app, string municipalityCode) => app.WithDbAsync(async db =>
    {
        var tag = UniqueText.Letters(6);
        var l = new Library { Name = $"Kvotbiblioteket {tag}", Sigel = "KV-" + tag, Kind = LibraryKind.Folkbibliotek, MunicipalityCode = municipalityCode,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        db.Libraries.Add(l);
        await db.SaveChangesAsync();
        return (l.Id, l.Sigel!, l.Name);
    });

    /// <summary>Staff figures imported as an administrator would: KB's statistics file through the import page, preview and confirm.</summary>
    public static async Task ImportStaffAsync(SamverkaFactory app, params (string Sigel, int Year, decimal Persons)[] rows)
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var file = JsonSerializer.SerializeToUtf8Bytes(rows.Select(r => new { library = new { sigel = r.Sigel }, sampleYear = r.Year, Personer99 = r.Persons }).ToArray());
        var (response, preview) = await KbImportTests.Preview(admin, file);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await KbImportTests.Confirm(admin, preview)).StatusCode);
    }

    /// <summary>Confirmed registrations of new people from the library; the first <paramref name="attended"/> marked attended.</summary>
    public static async Task RegisterAsync(SamverkaFactory app, int activityId, string libraryName, int count, int attended = 0)
    {
        var people = await ActivitySamples.PeopleAsync(app, count, libraryName);
        await app.WithDbAsync(async db =>
        {
            var session = await db.ActivitySessions.Where(s => s.ActivityId == activityId).Select(s => s.Id).FirstAsync();
            foreach (var (person, i) in people.Select((p, i) => (p, i)))
            {
                var r = new ActivityRegistration { ActivityId = activityId, PersonId = person, Status = RegistrationStatus.Confirmed, CreatedAt = DateTimeOffset.UtcNow,
                    CancelTokenHash = UniqueText.Letters(32) };
                if (i < attended) r.Attendance.Add(new SessionAttendance { SessionId = session, Attended = true, MarkedAt = DateTimeOffset.UtcNow });
                db.ActivityRegistrations.Add(r);
            }
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>
    /// Staff of the libraries whose municipality code starts with <paramref name="prefix"/> (a municipality's four digits or a
    /// county's two): each library's latest measurement year up to <paramref name="year"/>, else its earliest; null when none has a figure.
    /// </summary>
    public static Task<Staff?> StaffAsync(SamverkaFactory app, string prefix, int year) => app.WithDbAsync(async db =>
    {
        var rows = await db.LibraryStatistics.Where(s => s.StaffPersons != null && s.Library!.MunicipalityCode.StartsWith(prefix))
            .Select(s => new { s.LibraryId, s.Year, Persons = s.StaffPersons!.Value }).ToListAsync();
        var chosen = rows.GroupBy(r => r.LibraryId)
            .Select(g => g.Where(r => r.Year <= year).OrderByDescending(r => r.Year).FirstOrDefault() ?? g.OrderBy(r => r.Year).First()).ToList();
        return chosen.Count == 0 ? null : new Staff(chosen.Sum(c => c.Persons), chosen.Min(c => c.Year), chosen.Max(c => c.Year));
    });

    /// <summary>
    /// Confirmed participants from the libraries under <paramref name="prefix"/> in activities (not drafts) whose first session is in
    /// <paramref name="fromYear"/>–<paramref name="toYear"/>, optionally only activities of the region <paramref name="activityCounty"/>.
    /// </summary>
    public static Task<int> ParticipantsAsync(SamverkaFactory app, string prefix, int fromYear, int toYear, string? activityCounty = null) => app.WithDbAsync(async db =>
    {
        var years = await db.ActivityRegistrations.IgnoreQueryFilters()
            .Where(r => r.Status == RegistrationStatus.Confirmed && r.Activity!.Status != ActivityStatus.Draft && r.Activity.Sessions.Any()
                && r.Person!.Library!.MunicipalityCode.StartsWith(prefix) && (activityCounty == null || r.Activity.CountyCode == activityCounty))
            .Select(r => r.Activity!.Sessions.Min(s => s.Date).Year).ToListAsync();
        return years.Count(y => y >= fromYear && y <= toYear);
    });

    public static string StaffText(Staff? s) =>
        s is null ? "uppgift saknas" : $"cirka {Math.Round(s.Persons, MidpointRounding.AwayFromZero).ToString("N0", Sv)} ({s.Years})";

    public static decimal? Per100(int participants, Staff? s) => s is null ? null : Math.Round(participants * 100m / s.Persons, 1, MidpointRounding.AwayFromZero);

    public static string Per100Text(int participants, Staff? s) => Per100(participants, s)?.ToString("0.0", Sv) ?? "uppgift saknas";
}
