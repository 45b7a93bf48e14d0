using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.ActivityPlans;
using static Samverka.Web.Pages.ActivityPlans.DeleteConfirmation;

namespace Samverka.Web.Pages.ActivityPlans;

/// <summary>
/// Removing a planned action. Its links are loaded first so the audit log records each one; what the links
/// point at (activities, programmes, agreements, rounds) stays.
/// </summary>
[Authorize]
public class ActionDeleteModel(AppDbContext db, CurrentUser user) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int ActionId { get; set; }
    public DeleteConfirmation Confirmation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var (action, refused) = await LoadAsync();
        if (refused is not null) return refused;
        var a = action!;
        var consequences = new List<string> { $"Aktiviteten ligger inom utvecklingsområdet {a.Area!.Name}." };
        if (a.Links.Count > 0)
            consequences.Add($"Aktivitetens {Count(a.Links.Count, "koppling", "kopplingar")} till det som genomför den tas också bort. Det som kopplingarna pekar på finns kvar.");
        Confirmation = new(Id, a.Area.Plan!.Title, $"Ta bort aktiviteten ”{a.Text}”", "Ta bort aktiviteten", consequences, $"/verksamhetsplaner/{Id}/aktiviteter/{ActionId}");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (action, refused) = await LoadAsync();
        if (refused is not null) return refused;
        db.PlannedActions.Remove(action!);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Aktiviteten ”{action!.Text}” har tagits bort.";
        return Redirect($"/verksamhetsplaner/{Id}#area-{action.AreaId}");
    }

    private async Task<(PlannedAction? Action, IActionResult? Refused)> LoadAsync()
    {
        var action = await db.PlannedActions.Include(a => a.Links).Include(a => a.Area).ThenInclude(x => x!.Plan)
            .FirstOrDefaultAsync(a => a.Id == ActionId && a.Area!.PlanId == Id);
        if (action is null) return (null, NotFound());
        if (!ActivityPlanAccess.CanEdit(user.Scope, action.Area!.Plan!.CountyCode)) return (null, Forbid());
        return (action, null);
    }
}
