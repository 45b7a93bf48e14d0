using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

[Authorize]
public class CreateModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty] public PlanForm Input { get; set; } = new();
    public PlanFieldsModel Fields { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ActivityPlanAccess.CanCreate(user.Scope)) return Forbid();
        var year = clock.GetLocalNow().Year;
        Input = new PlanForm { Title = $"Verksamhetsplan {year}", StartDate = $"{year}-01-01", EndDate = $"{year}-12-31" };
        Fields = new(Input, await PlanFieldsModel.EditableCountiesAsync(db, user.Scope));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ActivityPlanAccess.CanCreate(user.Scope)) return Forbid();
        var counties = await PlanFieldsModel.EditableCountiesAsync(db, user.Scope);
        var (valid, errors) = Input.Validate(user.Scope, counties.Select(c => c.Code).ToList(), null);
        if (valid is null)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Fields = new(Input, counties);
            return Page();
        }
        var now = clock.GetUtcNow();
        var plan = new ActivityPlan { CountyCode = valid.CountyCode, Title = valid.Title, CreatedAt = now };
        Input.Apply(valid, plan, now);
        db.ActivityPlans.Add(plan);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"{plan.Title} har skapats. Lägg till utvecklingsområden.";
        return Redirect($"/verksamhetsplaner/{plan.Id}");
    }
}
