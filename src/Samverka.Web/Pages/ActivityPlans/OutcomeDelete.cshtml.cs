using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.ActivityPlans;

namespace Samverka.Web.Pages.ActivityPlans;

/// <summary>Removing an area's outcome text for a year; a year without an outcome has nothing to remove (404).</summary>
[Authorize]
public class OutcomeDeleteModel(AppDbContext db, CurrentUser user) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int AreaId { get; set; }
    [FromRoute] public int Year { get; set; }
    public DeleteConfirmation Confirmation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var (outcome, refused) = await LoadAsync();
        if (refused is not null) return refused;
        var area = outcome!.Area!;
        Confirmation = new(Id, area.Plan!.Title, $"Ta bort utfallet för {Year}: {area.Name}", "Ta bort utfallet",
            [$"Verksamhetsberättelsen för {Year} visar då inget utfall för {area.Name}. Siffrorna i Samverka påverkas inte."],
            $"/verksamhetsplaner/{Id}/omraden/{AreaId}/utfall/{Year}");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (outcome, refused) = await LoadAsync();
        if (refused is not null) return refused;
        db.AreaOutcomes.Remove(outcome!);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Utfallet för {outcome!.Area!.Name} {Year} har tagits bort.";
        return Redirect($"/verksamhetsplaner/{Id}#area-{AreaId}");
    }

    private async Task<(AreaOutcome? Outcome, IActionResult? Refused)> LoadAsync()
    {
        var outcome = await db.AreaOutcomes.Include(o => o.Area).ThenInclude(a => a!.Plan)
            .FirstOrDefaultAsync(o => o.AreaId == AreaId && o.Year == Year && o.Area!.PlanId == Id);
        if (outcome is null) return (null, NotFound());
        if (!ActivityPlanAccess.CanEdit(user.Scope, outcome.Area!.Plan!.CountyCode)) return (null, Forbid());
        return (outcome, null);
    }
}
