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
}
