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
/// Removing a development area with everything in it. The dependents are loaded first so EF deletes them itself
/// and the audit log records each row, not only the area (the database would cascade silently).
/// </summary>
[Authorize]
public class AreaDeleteModel(AppDbContext db, CurrentUser user) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int AreaId { get; set; }
    public DeleteConfirmation Confirmation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var (area, refused) = await LoadAsync();
        if (refused is not null) return refused;
        var a = area!;
        var parts = new List<string>();
        if (a.Actions.Count > 0) parts.Add(Count(a.Actions.Count, "aktivitet", "aktiviteter"));
        if (a.Outcomes.Count > 0) parts.Add(Count(a.Outcomes.Count, "utfall", "utfall"));
        if (a.SubGoals.Count > 0) parts.Add(Count(a.SubGoals.Count, "delmål", "delmål"));
        if (a.Partners.Count > 0) parts.Add(Count(a.Partners.Count, "samverkanspart", "samverkansparter"));
        var consequences = new List<string>
        {
            parts.Count == 0 ? "Området har inga aktiviteter, utfall, delmål eller samverkansparter." : $"Området har {List(parts)} som också tas bort.",
        };
        if (a.Responsible.Count > 0)
            consequences.Add($"{Count(a.Responsible.Count, "person", "personer")} i teamet står inte längre som ansvariga för området; de finns kvar i teamet.");
        if (a.SharedWith.Count > 0) consequences.Add("Området delas inte längre med andra regioner.");
        Confirmation = new(Id, a.Plan!.Title, $"Ta bort utvecklingsområdet {a.Name}", "Ta bort området", consequences, $"/verksamhetsplaner/{Id}/omraden/{AreaId}");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (area, refused) = await LoadAsync();
        if (refused is not null) return refused;
        db.DevelopmentAreas.Remove(area!);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Utvecklingsområdet {area!.Name} har tagits bort.";
        return Redirect($"/verksamhetsplaner/{Id}");
    }

    /// <summary>The tracked area with all its dependents, when it belongs to the plan and the user edits the plan.</summary>
    private async Task<(DevelopmentArea? Area, IActionResult? Refused)> LoadAsync()
    {
        var area = await db.DevelopmentAreas.AsSplitQuery().Include(a => a.Plan)
            .Include(a => a.Partners).Include(a => a.SubGoals).Include(a => a.Outcomes).Include(a => a.SharedWith).Include(a => a.Responsible)
            .Include(a => a.Actions).ThenInclude(x => x.Links)
            .FirstOrDefaultAsync(a => a.Id == AreaId && a.PlanId == Id);
        if (area is null) return (null, NotFound());
        if (!ActivityPlanAccess.CanEdit(user.Scope, area.Plan!.CountyCode)) return (null, Forbid());
        return (area, null);
    }
}
