using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>Creating (no area id) and editing a development area with its partners, sub-goals and sharing.</summary>
[Authorize]
public class AreaEditModel(AppDbContext db, CurrentUser user) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int? AreaId { get; set; }
    [BindProperty] public AreaForm Input { get; set; } = new();
    public AreaFieldsModel Fields { get; private set; } = null!;
    public ActivityPlan Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var (area, refused) = await LoadAsync();
        if (refused is not null) return refused;
        Input = area is null ? new AreaForm() : AreaForm.From(area);
        return await Show();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (area, refused) = await LoadAsync();
        if (refused is not null) return refused;
        var (valid, errors) = await Input.ValidateAsync(db, Plan.CountyCode);
        if (valid is null)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Show();
        }
        if (area is null)
        {
            area = new DevelopmentArea { Name = valid.Name, PlanId = Plan.Id, SortOrder = await db.DevelopmentAreas.CountAsync(a => a.PlanId == Plan.Id) + 1 };
            db.DevelopmentAreas.Add(area);
        }
        Input.Apply(valid, area);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Utvecklingsområdet {area.Name} har sparats.";
        return Redirect($"/verksamhetsplaner/{Plan.Id}#area-{area.Id}");
    }

    private async Task<(DevelopmentArea? Area, IActionResult? Refused)> LoadAsync()
    {
        var plan = await db.ActivityPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id);
        if (plan is null) return (null, NotFound());
        DevelopmentArea? area = null;
        if (AreaId is int areaId)
        {
            area = await db.DevelopmentAreas.AsSplitQuery().Include(a => a.SubGoals).Include(a => a.Partners).Include(a => a.SharedWith)
                .FirstOrDefaultAsync(a => a.Id == areaId && a.PlanId == Id);
            if (area is null) return (null, NotFound());
        }
        if (!ActivityPlanAccess.CanEdit(user.Scope, plan.CountyCode)) return (null, Forbid());
        Plan = plan;
        return (area, null);
    }

    private async Task<IActionResult> Show()
    {
        Fields = new(Input.WithBlankRows(), await db.Counties.AsNoTracking().OrderBy(c => c.Name).ToListAsync(), Plan.CountyCode);
        return Page();
    }
}
