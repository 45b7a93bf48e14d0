using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Catalog;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Pages.Libraries;

public class CreateModel(AppDbContext db, IOutputCacheStore cache) : PageModel
{
    [BindProperty] public LibraryForm Input { get; set; } = new();
    public LibraryFieldsModel Fields { get; private set; } = null!;

    public async Task OnGetAsync(string? kommun)
    {
        Input.MunicipalityCode = kommun;
        Input.Kind = nameof(LibraryKind.Folkbibliotek);
        Fields = new(Input, await db.Municipalities.AsNoTracking().OrderBy(m => m.Name).ToListAsync());
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var errors = await LibraryRules.ValidateAsync(db, Input.ToInput(), null);
        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            Fields = new(Input, await db.Municipalities.AsNoTracking().OrderBy(m => m.Name).ToListAsync());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = DateTimeOffset.UtcNow;
        var library = new Library { Name = "", MunicipalityCode = "", CreatedAt = now, UpdatedAt = now };
        LibraryValidation.Apply(Input.ToInput(), library);
        db.Libraries.Add(library);
        await db.SaveChangesAsync();
        await cache.EvictByTagAsync(CachePolicies.Directory, default);
        TempData["Notice"] = $"{library.Name} har sparats.";
        return Redirect($"/bibliotek/{library.Id}");
    }
}
