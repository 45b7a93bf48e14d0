using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.ActivityPlans;

namespace Samverka.Web.Pages.ActivityPlans;

/// <summary>
/// Writing an area's outcome for a year. Figures are not typed: the writer inserts {{token}} placeholders from
/// the list beside the text, and a token no figure answers is refused rather than printed as a guess.
/// </summary>
[Authorize]
public class OutcomeEditModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    public const int MaxLength = 20_000;
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
        var text = Text?.Trim() ?? "";
        if (text.Length == 0) ModelState.AddModelError(nameof(Text), "Skriv utfallet.");
        else if (text.Length > MaxLength) ModelState.AddModelError(nameof(Text), $"Texten får vara högst {MaxLength:N0} tecken.");
        else if (Figures.Unknown(text) is { Count: > 0 } unknown)
            ModelState.AddModelError(nameof(Text), $"Platshållaren {string.Join(", ", unknown.Select(PlanFigureSet.Token))} finns inte. Använd en ur listan över uppgifter.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = clock.GetUtcNow();
        if (Area.Outcomes.FirstOrDefault(o => o.Year == Year) is { } existing) { existing.Text = text; existing.UpdatedAt = now; }
        else Area.Outcomes.Add(new AreaOutcome { Year = Year, Text = text, UpdatedAt = now });
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Utfallet för {Area.Name} {Year} har sparats.";
        return Redirect($"/verksamhetsplaner/{Id}#area-{AreaId}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var area = await db.DevelopmentAreas.Include(a => a.Outcomes).Include(a => a.Plan).ThenInclude(p => p!.County)
            .FirstOrDefaultAsync(a => a.Id == AreaId && a.PlanId == Id);
        if (area is null || Year < area.Plan!.StartDate.Year || Year > area.Plan.EndDate.Year) return NotFound();
        if (!ActivityPlanAccess.CanEdit(user.Scope, area.Plan.CountyCode)) return Forbid();
        Area = area;
        Figures = await PlanFigures.ForYearAsync(db, area.Plan, Year, clock.GetUtcNow());
        return null;
    }
}
