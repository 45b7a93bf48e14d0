using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.Libraries;

/// <summary>Not output-cached: it shows a one-time notice after saving and the staff list to editors.</summary>
public class DetailsModel(AppDbContext db, CurrentUser user) : PageModel
{
    public Library Library { get; private set; } = null!;
    public List<Person> People { get; private set; } = [];
    public bool CanEdit { get; private set; }
    /// <summary>The latest year of KB's library statistics for the library; null when none is imported.</summary>
    public Kb.LibraryStatistic? Staff { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var l = await db.Libraries.AsNoTracking().Include(x => x.Municipality!).ThenInclude(m => m.County).FirstOrDefaultAsync(x => x.Id == id);
        if (l is null) return NotFound();
        Library = l;
        Staff = await db.LibraryStatistics.AsNoTracking().Where(s => s.LibraryId == id).OrderByDescending(s => s.Year).FirstOrDefaultAsync();
        // Edit button and staff list only for those who may edit this library, not every editor.
        CanEdit = DirectoryAccess.CanEditLibrary(user.Scope, l.MunicipalityCode, l.Municipality!.CountyCode);
        if (CanEdit)
            People = await DirectoryAccess.VisiblePeople(db.People.AsNoTracking(), user.Scope)
                .Where(p => p.LibraryId == id).OrderBy(p => p.Name).ToListAsync();
        return Page();
    }
}
