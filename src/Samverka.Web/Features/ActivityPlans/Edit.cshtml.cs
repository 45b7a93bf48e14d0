using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

[Authorize]
public class EditModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public PlanForm Input { get; set; } = new();
    public PlanFieldsModel Fields { get; private set; } = null!;
    public string CurrentTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var plan = await LoadAsync();
        if (plan is null) return NotFound();
        if (!ActivityPlanAccess.CanEdit(user.Scope, plan.CountyCode)) return Forbid();
        Input = PlanForm.From(plan);
        return await Show(plan);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var plan = await LoadAsync();
        if (plan is null) return NotFound();
        if (!ActivityPlanAccess.CanEdit(user.Scope, plan.CountyCode)) return Forbid();
        var counties = await PlanFieldsModel.EditableCountiesAsync(db, user.Scope);
        var (valid, errors) = Input.Validate(user.Scope, counties.Select(c => c.Code).ToList(), plan);
        if (valid is null)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Show(plan);
        }
        Input.Apply(valid, plan, clock.GetUtcNow());
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Ändringarna i {plan.Title} har sparats.";
        return Redirect($"/verksamhetsplaner/{plan.Id}");
    }

    private Task<ActivityPlan?> LoadAsync() => db.ActivityPlans.AsSplitQuery()
        .Include(p => p.Areas).ThenInclude(a => a.Actions).Include(p => p.Areas).ThenInclude(a => a.Outcomes)
        .FirstOrDefaultAsync(p => p.Id == Id);

    private async Task<IActionResult> Show(ActivityPlan plan)
    {
        CurrentTitle = plan.Title;
        Fields = new(Input, await PlanFieldsModel.EditableCountiesAsync(db, user.Scope));
        return Page();
    }
}
