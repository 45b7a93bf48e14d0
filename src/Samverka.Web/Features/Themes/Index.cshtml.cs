using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory.People;

namespace Samverka.Web.Features.Themes;

/// <summary>Themes are configurable: administrators add, rename and (de)activate them. Never deleted: activities refer to them.</summary>
[Authorize]
public class IndexModel(AppDbContext db, CurrentUser user) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int ThemeId { get; set; }
    public List<Theme> Themes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!DirectoryAccess.CanAdminister(user.Scope)) return Forbid();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!DirectoryAccess.CanAdminister(user.Scope)) return Forbid();
        if (await ValidateAsync(null) is { } invalid) return invalid;
        var order = await db.Themes.MaxAsync(t => (int?)t.SortOrder) ?? 0;
        db.Themes.Add(new Theme { Name = Name!.Trim(), SortOrder = order + 1 });
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Temat {Name.Trim()} är tillagt.";
        return Redirect("/admin/teman");
    }

    public async Task<IActionResult> OnPostRenameAsync()
    {
        if (!DirectoryAccess.CanAdminister(user.Scope)) return Forbid();
        var theme = await db.Themes.FindAsync(ThemeId);
        if (theme is null) return NotFound();
        if (await ValidateAsync(ThemeId) is { } invalid) return invalid;
        theme.Name = Name!.Trim();
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Temat heter nu {theme.Name}.";
        return Redirect("/admin/teman");
    }

    public async Task<IActionResult> OnPostToggleAsync()
    {
        if (!DirectoryAccess.CanAdminister(user.Scope)) return Forbid();
        var theme = await db.Themes.FindAsync(ThemeId);
        if (theme is null) return NotFound();
        theme.IsActive = !theme.IsActive;
        await db.SaveChangesAsync();
        TempData["Notice"] = theme.IsActive ? $"Temat {theme.Name} är aktiverat." : $"Temat {theme.Name} är avaktiverat: det erbjuds inte för nya aktiviteter.";
        return Redirect("/admin/teman");
    }

    private async Task<IActionResult?> ValidateAsync(int? self)
    {
        var name = Name?.Trim() ?? "";
        if (name.Length == 0) ModelState.AddModelError(nameof(Name), "Ange temats namn.");
        else if (name.Length > 100) ModelState.AddModelError(nameof(Name), "Namnet får vara högst 100 tecken.");
        else if (PersonValidation.ContainsPersonalIdentityNumber(name)) ModelState.AddModelError(nameof(Name), "Texten ser ut att innehålla ett personnummer. Ta bort det.");
        else if (await db.Themes.AnyAsync(t => t.Name.ToLower() == name.ToLower() && t.Id != self)) ModelState.AddModelError(nameof(Name), $"Temat {name} finns redan.");
        if (ModelState.IsValid) return null;
        await LoadAsync();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync() => Themes = await db.Themes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync();
}
