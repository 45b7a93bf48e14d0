using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Directory.Kb;

/// <summary>Staff employed in a group of libraries, summed from KB's library statistics, with the measurement year(s) used.</summary>
public sealed record StaffFigure(decimal Persons, int FromYear, int ToYear)
{
    public string Years => FromYear == ToYear ? FromYear.ToString() : $"{FromYear}–{ToYear}";
}

/// <summary>
/// Staff counts as denominators (issue 19): per library the latest year of KB's statistics at or before the year
/// asked for (else the earliest after it), summed per municipality, county and the nation. A group with no
/// figure has none ("uppgift saknas"), never zero.
/// </summary>
public static class StaffFigures
{
    public const string Missing = "uppgift saknas";

    /// <summary>Keyed like the self-assessment groups: "N", "C:{county}", "M:{municipality}", "L:{municipality}:{library}".</summary>
    public static async Task<Dictionary<string, StaffFigure>> ForYearAsync(AppDbContext db, int year, CancellationToken ct = default) =>
        (await ForYearsAsync(db, [year], ct))[year];

    /// <summary>The figures for several years from one read of the statistics (a table with one row per year, say).</summary>
    public static async Task<Dictionary<int, Dictionary<string, StaffFigure>>> ForYearsAsync(AppDbContext db, IEnumerable<int> years, CancellationToken ct = default)
    {
        var rows = await db.LibraryStatistics.AsNoTracking().Where(s => s.StaffPersons != null)
            .Select(s => new { s.LibraryId, s.Year, Persons = s.StaffPersons!.Value, s.Library!.MunicipalityCode, s.Library.Municipality!.CountyCode })
            .ToListAsync(ct);
        var byLibrary = rows.GroupBy(r => r.LibraryId).ToList();
        var all = new Dictionary<int, Dictionary<string, StaffFigure>>();
        foreach (var year in years.Distinct())
        {
            var chosen = byLibrary.Select(g => g.Where(r => r.Year <= year).MaxBy(r => r.Year) ?? g.MinBy(r => r.Year)!).ToList();
            var result = new Dictionary<string, StaffFigure>();
            void Add(string key, decimal persons, int y) =>
                result[key] = result.TryGetValue(key, out var f) ? new(f.Persons + persons, Math.Min(f.FromYear, y), Math.Max(f.ToYear, y)) : new(persons, y, y);
            foreach (var r in chosen)
            {
                Add($"L:{r.MunicipalityCode}:{r.LibraryId}", r.Persons, r.Year);
                Add($"M:{r.MunicipalityCode}", r.Persons, r.Year);
                Add($"C:{r.CountyCode}", r.Persons, r.Year);
                Add("N", r.Persons, r.Year);
            }
            all[year] = result;
        }
        return all;
    }

    /// <summary>
    /// "41 svar av cirka 58 anställda, 71 %". A suppressed group (no count) shows nothing, so its responses cannot be
    /// derived from the rate; staff is rounded to whole persons, the rate to whole percent.
    /// </summary>
    public static string ResponseRate(int? responses, StaffFigure? staff)
    {
        if (responses is not int n) return "–";
        if (staff is null || staff.Persons <= 0) return $"{n} svar, anställda: {Missing}";
        var persons = (int)Math.Round(staff.Persons, MidpointRounding.AwayFromZero);
        return $"{n} svar av cirka {persons} anställda, {Math.Round(100m * n / staff.Persons, MidpointRounding.AwayFromZero):0} %";
    }

    /// <summary>Participants per 100 staff, rounded to one decimal (half away from zero), or null without a staff figure.</summary>
    public static decimal? Per100Value(int count, StaffFigure? staff) =>
        staff is null || staff.Persons <= 0 ? null : Math.Round(100m * count / staff.Persons, 1, MidpointRounding.AwayFromZero);

    /// <summary>Participants per 100 staff, one decimal in Swedish format ("12,5"), or "uppgift saknas".</summary>
    public static string Per100(int count, StaffFigure? staff) =>
        Per100Value(count, staff) is decimal v ? v.ToString("0.0", SwedishFormat) : Missing;

    /// <summary>
    /// The denominator in a table cell under the heading "Anställda enligt KB (mätår)": "cirka 58 (2022)", or "uppgift saknas";
    /// the note beneath the table names KB:s biblioteksstatistik.
    /// </summary>
    public static string Staff(StaffFigure? staff) =>
        staff is null || staff.Persons <= 0 ? Missing : $"cirka {Persons(staff)} ({staff.Years})";

    private static string Persons(StaffFigure staff) => Math.Round(staff.Persons, MidpointRounding.AwayFromZero).ToString("N0", SwedishFormat);

    private static readonly System.Globalization.CultureInfo SwedishFormat = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");
}
