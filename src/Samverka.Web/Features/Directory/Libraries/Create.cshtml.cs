using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.Libraries;

public class CreateModel(AppDbContext db, IOutputCacheStore cache, CurrentUser user) : PageModel
{
    [BindProperty] public LibraryForm Input { get; set; } = new();
    public LibraryFieldsModel Fields { get; private set; } = null!;

    public async Task OnGetAsync(string? kommun)
    {
        Input.MunicipalityCode = kommun;
        Input.Kind = nameof(LibraryKind.Folkbibliotek);
        Fields = new(Input, await Municipalities());
    }

    /// <summary>Only the municipalities the user may add libraries to.</summary>
    private Task<List<Municipality>> Municipalities() =>
        DirectoryAccess.EditableMunicipalities(db.Municipalities.AsNoTracking(), user.Scope).OrderBy(m => m.Name).ToListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var errors = await LibraryRules.ValidateAsync(db, Input.ToInput(), null);
        if (!errors.ContainsKey(nameof(Input.MunicipalityCode)) && !await DirectoryAccess.CanEditInMunicipalityAsync(db, user.Scope, Input.MunicipalityCode))
            errors[nameof(Input.MunicipalityCode)] = DirectoryAccess.LibraryDenied(Input.MunicipalityCode!.Trim());
        if (errors.Count > 0) return await Invalid(errors);
        var now = DateTimeOffset.UtcNow;
        var library = new Library { Name = "", MunicipalityCode = "", CreatedAt = now, UpdatedAt = now };
        LibraryValidation.Apply(Input.ToInput(), library);
        db.Libraries.Add(library);
        // Someone may have saved the same name since the check: the same error as the check gives.
        if (await LibrarySaving.TrySaveAsync(db, library.Name) is { } taken) return await Invalid(taken);
        await cache.EvictByTagAsync(CachePolicies.Directory, default);
        TempData["Notice"] = $"{library.Name} har sparats.";
        return Redirect($"/bibliotek/{library.Id}");
    }

    private async Task<IActionResult> Invalid(Dictionary<string, string> errors)
    {
        foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
        Fields = new(Input, await Municipalities());
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
