using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>Writing an area's outcome for a year, with the figures' placeholders listed beside the text (checks in <see cref="OutcomeForm"/>).</summary>
[Authorize]
public class OutcomeEditModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int AreaId { get; set; }
    [FromRoute] public int Year { get; set; }
    [BindProperty] public string? Text { get; set; }
    public DevelopmentArea Area { get; private set; } = null!;
    public PlanFigureSet Figures { get; private set; } = null!;
    /// <summary>Whether there is a saved outcome to remove.</summary>
    public bool HasOutcome => Area.Outcomes.Any(o => o.Year == Year && o.Id != 0);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        Text = Area.Outcomes.FirstOrDefault(o => o.Year == Year)?.Text;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        var (text, error) = OutcomeForm.Validate(Text, Figures);
        if (text is null)
        {
            ModelState.AddModelError(nameof(Text), error!);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        OutcomeForm.Apply(Area, Year, text, clock.GetUtcNow());
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Utfallet för {Area.Name} {Year} har sparats.";
        return Redirect($"/verksamhetsplaner/{Id}#area-{AreaId}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var area = await db.DevelopmentAreas.Include(a => a.Outcomes).Include(a => a.Plan).ThenInclude(p => p!.County)
            .FirstOrDefaultAsync(a => a.Id == AreaId && a.PlanId == Id);
        if (area is null || !OutcomeForm.InPeriod(area.Plan!, Year)) return NotFound();
        if (!ActivityPlanAccess.CanEdit(user.Scope, area.Plan!.CountyCode)) return Forbid();
        Area = area;
        Figures = await PlanFigures.ForYearAsync(db, area.Plan, Year, clock.GetUtcNow());
        return null;
    }
}
