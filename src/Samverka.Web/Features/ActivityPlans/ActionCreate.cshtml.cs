using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>Adding a planned action to a development area.</summary>
[Authorize]
public class ActionCreateModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int AreaId { get; set; }
    [BindProperty] public ActionForm Input { get; set; } = new();
    public ActionChoices Choices { get; private set; } = null!;
    public ActivityPlan Plan { get; private set; } = null!;
    public string AreaName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        Input = new ActionForm
        {
            Status = nameof(PlannedActionStatus.Planned),
            PlannedFrom = Plan.StartDate.ToString("yyyy-MM"), PlannedTo = Plan.EndDate.ToString("yyyy-MM"),
        };
        Choices = await ActionChoices.LoadAsync(db, Plan, Input);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        Choices = await ActionChoices.LoadAsync(db, Plan, Input);
        var (valid, errors) = Input.Validate(Plan, Choices);
        if (valid is null)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var action = new PlannedAction { AreaId = AreaId, Text = valid.Text, SortOrder = await db.PlannedActions.CountAsync(a => a.AreaId == AreaId) };
        ActionForm.Apply(valid, action, clock.GetUtcNow());
        db.PlannedActions.Add(action);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Aktiviteten ”{action.Text}” har lagts till.";
        return Redirect($"/verksamhetsplaner/{Id}#area-{AreaId}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var area = await db.DevelopmentAreas.AsNoTracking().Include(a => a.Plan).ThenInclude(p => p!.Team)
            .FirstOrDefaultAsync(a => a.Id == AreaId && a.PlanId == Id);
        if (area is null) return NotFound();
        if (!ActivityPlanAccess.CanEdit(user.Scope, area.Plan!.CountyCode)) return Forbid();
        Plan = area.Plan;
        AreaName = area.Name;
        return null;
    }
}
