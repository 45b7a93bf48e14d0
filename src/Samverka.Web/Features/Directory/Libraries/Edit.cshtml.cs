using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Shared;

namespace Samverka.Web.Features.Directory.Libraries;

public class EditModel(AppDbContext db, IOutputCacheStore cache, CurrentUser user) : PageModel, IVersionedForm
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public LibraryForm Input { get; set; } = new();
    /// <summary>The row's xmin when the form was loaded; carried in a hidden field to detect a save from a stale form.</summary>
    [BindProperty] public uint? Version { get; set; }
    /// <summary>Set when a save was refused because someone else saved first.</summary>
    public ConflictView? Conflict { get; private set; }
    public LibraryFieldsModel Fields { get; private set; } = null!;
    public string CurrentName { get; private set; } = "";
    public bool IsActive { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var library = await db.Libraries.AsNoTracking().FirstOrDefaultAsync(l => l.Id == Id);
        if (library is null) return NotFound();
        if (!await DirectoryAccess.CanEditLibraryAsync(db, user.Scope, Id)) return Forbid();
        Input = LibraryForm.From(library);
        Version = library.Version;
        await Prepare(library);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var library = await db.Libraries.FirstOrDefaultAsync(l => l.Id == Id);
        if (library is null) return NotFound();
        if (!await DirectoryAccess.CanEditLibraryAsync(db, user.Scope, Id)) return Forbid();
        var errors = await LibraryRules.ValidateAsync(db, Input.ToInput(), Id);
        // Moving a library to another municipality is a write there too.
        if (!errors.ContainsKey(nameof(Input.MunicipalityCode)) && !await DirectoryAccess.CanEditInMunicipalityAsync(db, user.Scope, Input.MunicipalityCode))
            errors[nameof(Input.MunicipalityCode)] = DirectoryAccess.LibraryDenied(Input.MunicipalityCode!.Trim());
        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            await Prepare(library);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        OptimisticConcurrency.Expect(db, library, Version);
        LibraryValidation.Apply(Input.ToInput(), library);
        library.UpdatedAt = DateTimeOffset.UtcNow;
        var save = await OptimisticConcurrency.SaveAsync(db, () => LibrarySaving.TrySaveAsync(db, library.Name));
        if (save.Stale) return await RefuseStale(keepInput: true);
        if (save.Value is { } taken)
        {
            // Someone saved the same name since the check: the same error as the check gives.
            foreach (var (field, message) in taken) ModelState.AddModelError($"Input.{field}", message);
            await Prepare(await db.Libraries.AsNoTracking().FirstAsync(l => l.Id == Id));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return await Show(library, $"Ändringarna i {library.Name} har sparats.");
    }

    public Task<IActionResult> OnPostDeactivateAsync() => SetActive(false);
    public Task<IActionResult> OnPostActivateAsync() => SetActive(true);

    private async Task<IActionResult> SetActive(bool active)
    {
        var library = await db.Libraries.FirstOrDefaultAsync(l => l.Id == Id);
        if (library is null) return NotFound();
        if (!await DirectoryAccess.CanEditLibraryAsync(db, user.Scope, Id)) return Forbid();
        OptimisticConcurrency.Expect(db, library, Version);
        library.IsActive = active;
        library.UpdatedAt = DateTimeOffset.UtcNow;
        if (!await OptimisticConcurrency.TrySaveAsync(db)) return await RefuseStale(keepInput: false);
        return await Show(library, active ? $"{library.Name} är aktiverat igen." : $"{library.Name} är avaktiverat.");
    }

    /// <summary>
    /// Someone else saved since the form was loaded: store nothing, show both versions, and let the
    /// form carry the new version so that saving again is a deliberate choice. A refused (de)activation
    /// shows the stored values, since it had nothing of the user's to keep.
    /// </summary>
    private async Task<IActionResult> RefuseStale(bool keepInput)
    {
        var theirs = await db.Libraries.AsNoTracking().FirstOrDefaultAsync(l => l.Id == Id);
        if (theirs is null) return NotFound();
        var stored = LibraryForm.From(theirs);
        if (keepInput)
        {
            var mine = new Library { Name = "", MunicipalityCode = "" };
            LibraryValidation.Apply(Input.ToInput(), mine);
            Conflict = LibraryConflict.Compare(stored, LibraryForm.From(mine));
            this.RefuseStale($"Någon annan har ändrat {theirs.Name} medan du redigerade. Jämför och spara igen.", theirs.Version);
        }
        else
        {
            Input = stored;
            this.RefuseStale($"Någon annan har ändrat {theirs.Name} medan du hade sidan öppen, så ingenting sparades. Kontrollera uppgifterna och försök igen.", theirs.Version);
        }
        await Prepare(theirs);
        return Page();
    }

    private async Task<IActionResult> Show(Library library, string notice)
    {
        await cache.EvictByTagAsync(CachePolicies.Directory, default);
        TempData["Notice"] = notice;
        return Redirect($"/bibliotek/{library.Id}");
    }

    private async Task Prepare(Library library)
    {
        CurrentName = library.Name;
        IsActive = library.IsActive;
        // The user's municipalities, plus the library's own so the select shows where it is.
        var own = library.MunicipalityCode;
        var editable = DirectoryAccess.EditableMunicipalities(db.Municipalities, user.Scope).Select(m => m.Code);
        Fields = new(Input, await db.Municipalities.AsNoTracking().Where(m => m.Code == own || editable.Contains(m.Code))
            .OrderBy(m => m.Name).ToListAsync());
    }
}
