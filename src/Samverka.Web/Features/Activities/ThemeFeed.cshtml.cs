using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Activities;

/// <summary>A theme's calendar feed across all regions.</summary>
public class ThemeFeedModel(AppDbContext db, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var theme = await db.Themes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id);
        if (theme is null) return NotFound();
        return await CalendarFeeds.FileAsync(db, time, Request, theme.Name, themeId: id);
    }
}
