using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Activities;

/// <summary>
/// Participation figures: confirmed registrations and those marked attended at least once, per activity,
/// library, municipality, theme and year. Counts only, never names, so they are public; read by the
/// statistics page and the municipality page.
/// </summary>
public static class ActivityStatistics
{
    /// <summary>One confirmed registration, with what it is counted by.</summary>
    public sealed record Participation(int ActivityId, string Title, int Year, string CountyCode, bool RegionFunded, bool OpenToOthers,
        int LibraryId, string LibraryName, string MunicipalityCode, string MunicipalityName, bool Attended, IReadOnlyList<string> Themes)
    {
        /// <summary>The county of the participant's library (<see cref="CountyCode"/> is the activity's region).</summary>
        public string LibraryCountyCode => MunicipalityCode[..2];
    }

    public sealed record Count(string Key, int Year, int Confirmed, int Attended);

    /// <param name="activityIds">Only these activities (the national summary's linked ones), filtered in the database.</param>
    public static async Task<List<Participation>> LoadAsync(AppDbContext db, int? year = null, string? countyCode = null, string? municipalityCode = null,
        IReadOnlyCollection<int>? activityIds = null)
    {
        // Counts across the whole directory: the people filter would count only the people the viewer may read.
        var q = db.ActivityRegistrations.AsNoTracking().IgnoreQueryFilters()
            .Where(r => r.Status == RegistrationStatus.Confirmed && r.Activity!.Status != ActivityStatus.Draft && r.Activity.Sessions.Any());
        if (countyCode is not null) q = q.Where(r => r.Activity!.CountyCode == countyCode);
        if (municipalityCode is not null) q = q.Where(r => r.Person!.Library!.MunicipalityCode == municipalityCode);
        if (activityIds is not null) q = q.Where(r => activityIds.Contains(r.ActivityId));
        var rows = await q.Select(r => new
        {
            r.ActivityId, r.Activity!.Title, Year = r.Activity.Sessions.Min(s => s.Date).Year, r.Activity.CountyCode, r.Activity.RegionFunded,
            r.Activity.OpenToOtherLibraries, r.Person!.LibraryId, Library = r.Person.Library!.Name, r.Person.Library.MunicipalityCode,
            Municipality = r.Person.Library.Municipality!.Name, Attended = r.Attendance.Any(a => a.Attended),
            Themes = r.Activity.Themes.OrderBy(t => t.Theme!.SortOrder).Select(t => t.Theme!.Name).ToList(),
        }).ToListAsync();
        return rows.Where(r => year is null || r.Year == year)
            .Select(r => new Participation(r.ActivityId, r.Title, r.Year, r.CountyCode, r.RegionFunded, r.OpenToOtherLibraries, r.LibraryId, r.Library,
                r.MunicipalityCode, r.Municipality, r.Attended, r.Themes)).ToList();
    }

    public static List<Count> By(IEnumerable<Participation> rows, Func<Participation, IEnumerable<string>> keys) =>
        rows.SelectMany(r => keys(r).Select(k => (Key: k, r.Year, r.Attended)))
            .GroupBy(x => (x.Key, x.Year))
            .Select(g => new Count(g.Key.Key, g.Key.Year, g.Count(), g.Count(x => x.Attended)))
            .OrderByDescending(c => c.Year).ThenBy(c => c.Key, SwedishText.Order).ToList();

    /// <summary>
    /// The municipality page is in the public output cache: a registration or attendance change empties it,
    /// so the participation figures there are current.
    /// </summary>
    public static ValueTask ChangedAsync(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>().EvictByTagAsync(CachePolicies.Directory, default);

    /// <summary>The export: one row per activity and library.</summary>
    public static ExportTable Table(IEnumerable<Participation> rows) => new(
        ["År", "Aktivitet", "Aktivitets-id", "Län", "Regionfinansierad", "Öppen för andra bibliotek", "Teman", "Bibliotek", "Kommunkod", "Kommun", "Bekräftade", "Närvarande"],
        rows.GroupBy(r => (r.ActivityId, r.LibraryId)).OrderByDescending(g => g.First().Year).ThenBy(g => g.First().Title).ThenBy(g => g.First().LibraryName)
            .Select(g =>
            {
                var f = g.First();
                return new object?[] { f.Year, f.Title, f.ActivityId, f.CountyCode, f.RegionFunded ? "ja" : "nej", f.OpenToOthers ? "ja" : "nej",
                    string.Join(", ", f.Themes), f.LibraryName, f.MunicipalityCode, f.MunicipalityName, g.Count(), g.Count(x => x.Attended) };
            }));
}
