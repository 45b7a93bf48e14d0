using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Needs;

/// <summary>Anyone signed in raises a need, for their own region or nationally; they become its first supporter.</summary>
[Authorize]
public class CreateModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    public record Choice(string Value, string Label);

    [BindProperty] public NeedForm Input { get; set; } = new();
    public List<Choice> Themes { get; private set; } = [];
    public List<Choice> Regions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var regions = await NeedRules.RegionsOfAsync(db, user.Scope);
        var (need, errors) = await Input.ValidateAsync(db, user.Scope, regions);
        if (need is null)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadChoicesAsync();
            return Page();
        }
        need.CreatedAt = time.GetUtcNow();
        need.Supporters.Add(new NeedSupporter { UserEmail = need.CreatedBy, CreatedAt = need.CreatedAt });
        db.Needs.Add(need);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Behovet {need.Title} har registrerats.";
        return Redirect($"/behov/{need.Id}");
    }

    private async Task LoadChoicesAsync()
    {
        Themes = await db.Themes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).Select(t => new Choice(t.Id.ToString(), t.Name)).ToListAsync();
        var regions = (await NeedRules.RegionsOfAsync(db, user.Scope)).ToArray();
        Regions = await db.Counties.AsNoTracking().Where(c => user.Scope.ReadsEverything || regions.Contains(c.Code))
            .OrderBy(c => c.Name).Select(c => new Choice(c.Code, c.Name)).ToListAsync();
    }
}
