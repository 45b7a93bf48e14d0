using Samverka.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Activities;

/// <summary>Public calendar feeds: published and cancelled (never draft) activities from a year back on.</summary>
public static class CalendarFeeds
{
    public static Task<List<Activity>> LoadAsync(AppDbContext db, DateTimeOffset now, string? countyCode = null, int? themeId = null)
    {
        var from = SwedishTimeZone.Today(now).AddYears(-1);
        var q = db.Activities.AsNoTracking().AsSplitQuery().Include(a => a.Sessions)
            .Where(a => a.Status != ActivityStatus.Draft && a.Sessions.Any(s => s.Date >= from));
        if (countyCode is not null) q = q.Where(a => a.CountyCode == countyCode);
        if (themeId is int t) q = q.Where(a => a.Themes.Any(x => x.ThemeId == t));
        return q.OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>A named feed (a region's, a theme's) as the .ics answer calendar programs subscribe to.</summary>
    public static async Task<Microsoft.AspNetCore.Mvc.FileContentResult> FileAsync(AppDbContext db, TimeProvider time, HttpRequest request, string name,
        string? countyCode = null, int? themeId = null)
    {
        var now = time.GetUtcNow();
        var activities = await LoadAsync(db, now, countyCode, themeId);
        return new(ICalendar.Write(activities, $"Samverka: {name}", PublicUrl.Base(request), now), ICalendar.ContentType);
    }
}
