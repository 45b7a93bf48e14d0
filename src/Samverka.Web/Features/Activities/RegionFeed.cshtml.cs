using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Activities;

/// <summary>A region's calendar feed (RFC 5545) for Outlook, Google Calendar and Thunderbird.</summary>
public class RegionFeedModel(AppDbContext db, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code)
    {
        var county = await db.Counties.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code);
        if (county is null) return NotFound();
        var now = time.GetUtcNow();
        var activities = await CalendarFeeds.LoadAsync(db, now, countyCode: code);
        return File(ICalendar.Write(activities, $"Samverka: {county.Name}", PublicUrl.Base(Request), now), ICalendar.ContentType);
    }
}
