using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Activities;

/// <summary>A region's calendar feed (RFC 5545) for Outlook, Google Calendar and Thunderbird.</summary>
public class RegionFeedModel(AppDbContext db, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code)
    {
        var county = await db.Counties.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code);
        if (county is null) return NotFound();
        return await CalendarFeeds.FileAsync(db, time, Request, county.Name, countyCode: code);
    }
}
