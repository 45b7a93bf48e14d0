using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.LibraryPlans;

/// <summary>
/// A plan's uploaded PDF. An adopted library plan is a public document, so anyone may read it; the check
/// that matters is that only a file attached to a library plan is served here, never another stored file
/// (signed agreements share the table).
/// </summary>
public class PlanFileModel(AppDbContext db) : PageModel
{
    [FromRoute] public int Id { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var file = await db.LibraryPlans.AsNoTracking().Where(p => p.Id == Id && p.File != null)
            .Select(p => new { p.File!.FileName, p.File.ContentType, p.File.Content }).FirstOrDefaultAsync();
        if (file is null) return NotFound();
        return File(file.Content, file.ContentType, file.FileName);
    }
}
