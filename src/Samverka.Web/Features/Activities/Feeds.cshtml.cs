using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

using Samverka.Web.Features.Directory;
using Samverka.Web.Features.Themes;

namespace Samverka.Web.Features.Activities;

public class FeedsModel(AppDbContext db) : PageModel
{
    public List<County> Counties { get; private set; } = [];
    public List<Theme> Themes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Counties = await db.Counties.AsNoTracking().OrderBy(c => c.Name).ToListAsync();
        Themes = await db.Themes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ToListAsync();
    }
}
