using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.People;

/// <summary>Signed-in only and never output-cached: personal data, and a one-time notice after saving.</summary>
public class DetailsModel(AppDbContext db, CurrentUser user) : PageModel
{
    public Person Person { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // Someone the user may not read is "not found": a 403 would confirm that the id exists.
        var p = await DirectoryAccess.VisiblePeople(db.People.AsNoTracking(), user.Scope)
            .Include(x => x.Library!).ThenInclude(l => l.Municipality).FirstOrDefaultAsync(x => x.Id == id);
        if (p is null) return NotFound();
        Person = p;
        CanEdit = DirectoryAccess.CanEditPerson(user.Scope, p.Library!.MunicipalityCode, p.Library.Municipality!.CountyCode);
        return Page();
    }
}
