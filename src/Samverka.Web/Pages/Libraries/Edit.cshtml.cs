using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Catalog;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Pages.Libraries;

public class EditModel(AppDbContext db, IOutputCacheStore cache) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public LibraryForm Input { get; set; } = new();
    public LibraryFieldsModel Fields { get; private set; } = null!;
    public string CurrentName { get; private set; } = "";
    public bool IsActive { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var library = await db.Libraries.AsNoTracking().FirstOrDefaultAsync(l => l.Id == Id);
        if (library is null) return NotFound();
        Input = LibraryForm.From(library);
        await Prepare(library);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var library = await db.Libraries.FirstOrDefaultAsync(l => l.Id == Id);
        if (library is null) return NotFound();
        var errors = await LibraryRules.ValidateAsync(db, Input.ToInput(), Id);
        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            await Prepare(library);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        LibraryValidation.Apply(Input.ToInput(), library);
        library.UpdatedAt = DateTimeOffset.UtcNow;
        return await SaveAndShow(library, $"Ändringarna i {library.Name} har sparats.");
    }

    public Task<IActionResult> OnPostDeactivateAsync() => SetActive(false);
    public Task<IActionResult> OnPostActivateAsync() => SetActive(true);

    private async Task<IActionResult> SetActive(bool active)
    {
        var library = await db.Libraries.FirstOrDefaultAsync(l => l.Id == Id);
        if (library is null) return NotFound();
        library.IsActive = active;
        library.UpdatedAt = DateTimeOffset.UtcNow;
        return await SaveAndShow(library, active ? $"{library.Name} är aktiverat igen." : $"{library.Name} är avaktiverat.");
    }

    private async Task<IActionResult> SaveAndShow(Library library, string notice)
    {
        await db.SaveChangesAsync();
        await cache.EvictByTagAsync(CachePolicies.Directory, default);
        TempData["Notice"] = notice;
        return Redirect($"/bibliotek/{library.Id}");
    }

    private async Task Prepare(Library library)
    {
        CurrentName = library.Name;
        IsActive = library.IsActive;
        Fields = new(Input, await db.Municipalities.AsNoTracking().OrderBy(m => m.Name).ToListAsync());
    }
}
