using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Pages.Libraries;

/// <summary>Not output-cached: it shows a one-time notice after saving and the staff list to editors.</summary>
public class DetailsModel(AppDbContext db) : PageModel
{
    public Library Library { get; private set; } = null!;
    public List<Person> People { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var l = await db.Libraries.AsNoTracking().Include(x => x.Municipality!).ThenInclude(m => m.County).FirstOrDefaultAsync(x => x.Id == id);
        if (l is null) return NotFound();
        Library = l;
        CanEdit = User.CanEditDirectory();
        if (CanEdit)
            People = await db.People.AsNoTracking().Where(p => p.LibraryId == id).OrderBy(p => p.Name).ToListAsync();
        return Page();
    }
}
