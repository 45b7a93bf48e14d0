using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

using Samverka.Web.Features.Activities;

namespace Samverka.Web.Features.SelfAssessment;

public sealed record ActivityMatch(int Id, string Title, ActivityKind Kind, DateOnly NextDate, string? Place, string CountyName, IReadOnlyList<string> Themes);
public sealed record OfferingMatch(int ProgrammeId, string ProgrammeName, string OfferingName, IReadOnlyList<string> Themes);

/// <summary>
/// What answers a weak area: upcoming published activities in the region tagged with one of the
/// area's themes (<see cref="DigComp.Areas"/>), and offerings of programmes covering the region
/// that are running and whose name, description or partner themes mention one of those themes.
/// Offerings have no theme tags of their own, so the mention is the evidence (shown with the match).
/// </summary>
public static class Matching
{
    public static async Task<List<ActivityMatch>> UpcomingActivitiesAsync(AppDbContext db, IEnumerable<int> areas, string countyCode, DateOnly today, int take = 5)
    {
        var themeIds = areas.SelectMany(a => DigComp.Area(a).ThemeIds).Distinct().ToArray();
        var rows = await db.Activities.AsNoTracking()
            .Where(a => a.Status == ActivityStatus.Published && a.CountyCode == countyCode
                && a.Sessions.Any(s => s.Date >= today) && a.Themes.Any(t => themeIds.Contains(t.ThemeId)))
            .Select(a => new
            {
                a.Id, a.Title, a.Kind, a.Place, County = a.County!.Name,
                Next = a.Sessions.Where(s => s.Date >= today).Min(s => s.Date),
                Themes = a.Themes.Where(t => themeIds.Contains(t.ThemeId)).Select(t => t.Theme!.Name).ToList(),
            })
            .OrderBy(a => a.Next).ThenBy(a => a.Title).Take(take).ToListAsync();
        return rows.Select(a => new ActivityMatch(a.Id, a.Title, a.Kind, a.Next, a.Place, a.County, a.Themes)).ToList();
    }

    public static async Task<List<OfferingMatch>> OfferingsAsync(AppDbContext db, IEnumerable<int> areas, string countyCode, DateOnly today)
    {
        var themeIds = areas.SelectMany(a => DigComp.Area(a).ThemeIds).Distinct().ToArray();
        var themes = await db.Themes.AsNoTracking().Where(t => themeIds.Contains(t.Id)).Select(t => t.Name).ToListAsync();
        var offerings = await db.Offerings.AsNoTracking()
            .Where(o => o.Programme!.EndDate >= today && o.Programme.Regions.Any(r => r.CountyCode == countyCode))
            .Select(o => new
            {
                o.ProgrammeId, Programme = o.Programme!.Name, o.Name, o.Description,
                Partners = o.Programme.Partners.Select(p => p.Themes).ToList(),
            }).ToListAsync();
        var result = new List<OfferingMatch>();
        foreach (var o in offerings)
        {
            var text = string.Join(" ", [o.Name, o.Description, .. o.Partners]).ToLowerInvariant();
            var hits = themes.Where(t => Keywords(t).Any(text.Contains)).ToList();
            if (hits.Count > 0) result.Add(new OfferingMatch(o.ProgrammeId, o.Programme, o.Name, hits));
        }
        return result;
    }

    /// <summary>"Käll- och sökkritik/MIK" → "källkritik", "sökkritik", "mik"; a word stem is enough evidence.</summary>
    private static IEnumerable<string> Keywords(string theme) => theme.ToLowerInvariant() switch
    {
        var t when t.StartsWith("käll", StringComparison.Ordinal) => ["källkritik", "sökkritik", "källtillit", "mik"],
        var t when t.StartsWith("ledarskap", StringComparison.Ordinal) => ["ledar", "digital transformation"],
        var t when t.StartsWith("integritet", StringComparison.Ordinal) => ["integritet", "säkerhet"],
        var t when t.StartsWith("pedagogik", StringComparison.Ordinal) => ["pedagogik", "handledning"],
        var t when t.StartsWith("barn", StringComparison.Ordinal) => ["barn och unga"],
        var t => [t],
    };
}
