using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// The removal pages of a plan (area, action, team member, outcome): GET shows what goes with the row and changes
/// nothing; only the POST of that confirmation deletes, for the plan's editors. A row that is not in the plan in
/// the URL is not found. Each page loads the row tracked with its dependents, so EF removes them itself and the
/// audit log records every row, not only the one named (the database's cascades would go unrecorded).
/// </summary>
[Authorize]
public abstract class PlanDeletePageModel<T>(AppDbContext db, CurrentUser user) : PageModel where T : class
{
    protected AppDbContext Db { get; } = db;
    [FromRoute] public int Id { get; set; }
    public DeleteConfirmation Confirmation { get; private set; } = null!;

    /// <summary>The tracked row with what goes with it, and its plan; null when the row is not in plan <see cref="Id"/>.</summary>
    protected abstract Task<(T Row, ActivityPlan Plan)?> LoadAsync();

    protected abstract Task<DeleteConfirmation> ConfirmAsync(T row, ActivityPlan plan);

    /// <summary>Marks the row (and anything else that changes with it) for the save; returns the notice and where to go.</summary>
    protected abstract Task<(string Notice, string Url)> RemoveAsync(T row);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is not { } loaded) return NotFound();
        if (!ActivityPlanAccess.CanEdit(user.Scope, loaded.Plan.CountyCode)) return Forbid();
        Confirmation = await ConfirmAsync(loaded.Row, loaded.Plan);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is not { } loaded) return NotFound();
        if (!ActivityPlanAccess.CanEdit(user.Scope, loaded.Plan.CountyCode)) return Forbid();
        var (notice, url) = await RemoveAsync(loaded.Row);
        await Db.SaveChangesAsync();
        TempData["Notice"] = notice;
        return Redirect(url);
    }
}
