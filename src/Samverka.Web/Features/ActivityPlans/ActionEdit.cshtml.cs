using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>Editing a planned action, its status (audited by the interceptor) and its links.</summary>
[Authorize]
public class ActionEditModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int ActionId { get; set; }
    [BindProperty] public ActionForm Input { get; set; } = new();
    public ActionChoices Choices { get; private set; } = null!;
    public ActivityPlan Plan { get; private set; } = null!;
    public string AreaName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var action = await LoadAsync();
        if (action is null) return NotFound();
        if (!ActivityPlanAccess.CanEdit(user.Scope, Plan.CountyCode)) return Forbid();
        Input = ActionForm.From(action);
        return await Show();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var action = await LoadAsync();
        if (action is null) return NotFound();
        if (!ActivityPlanAccess.CanEdit(user.Scope, Plan.CountyCode)) return Forbid();
        var choices = await ActionChoices.LoadAsync(db, Plan, Input);
        var (valid, errors) = Input.Validate(Plan, choices);
        if (valid is null)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Choices = choices;
            return Page();
        }
        ActionForm.Apply(valid, action, clock.GetUtcNow());
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Aktiviteten ”{action.Text}” har sparats.";
        return Redirect($"/verksamhetsplaner/{Id}#area-{action.AreaId}");
    }

    /// <summary>The tracked action, and its plan with the team (for the responsible choice), when the action belongs to the plan.</summary>
    private async Task<PlannedAction?> LoadAsync()
    {
        var action = await db.PlannedActions.Include(a => a.Links).Include(a => a.Area)
            .FirstOrDefaultAsync(a => a.Id == ActionId && a.Area!.PlanId == Id);
        if (action is null) return null;
        Plan = await db.ActivityPlans.AsNoTracking().Include(p => p.Team).SingleAsync(p => p.Id == Id);
        AreaName = action.Area!.Name;
        return action;
    }

    private async Task<IActionResult> Show()
    {
        Choices = await ActionChoices.LoadAsync(db, Plan, Input);
        return Page();
    }
}
