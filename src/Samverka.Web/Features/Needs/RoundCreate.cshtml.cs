using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Needs;

/// <summary>A coordinator starts a priority round for their region, or with cooperating regions (seed 002).</summary>
[Authorize]
public class RoundCreateModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    public record Choice(string Value, string Label);

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Period { get; set; }
    [BindProperty] public string? Points { get; set; } = "10";
    [BindProperty] public string? TopCount { get; set; } = "3";
    [BindProperty] public List<string> Regions { get; set; } = [];
    [BindProperty] public List<string> NeedIds { get; set; } = [];

    public List<Choice> CountyChoices { get; private set; } = [];
    public List<Choice> NeedChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!MayCreate) return Forbid();
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!MayCreate) return Forbid();
        await LoadChoicesAsync();
        var title = Title?.Trim() ?? "";
        if (title.Length is 0 or > 200) ModelState.AddModelError(nameof(Title), "Ange en rubrik för omgången (högst 200 tecken).");
        if (Period?.Trim().Length > 50) ModelState.AddModelError(nameof(Period), "Perioden får vara högst 50 tecken, till exempel 2025–2027.");
        if (!int.TryParse(Points, out var points) || points is < 1 or > 1000)
            ModelState.AddModelError(nameof(Points), "Ange hur många poäng varje deltagare fördelar, ett heltal mellan 1 och 1000.");
        var regions = Regions.Distinct().ToList();
        if (regions.Count == 0 || regions.Any(r => CountyChoices.All(c => c.Value != r)))
            ModelState.AddModelError(nameof(Regions), "Välj minst en region, bland dem du samordnar eller samverkar med.");
        else if (!NeedRules.CanManageRound(user.Scope, regions))
            ModelState.AddModelError(nameof(Regions), "Minst en av regionerna måste vara en som du samordnar.");
        var needs = NeedIds.Distinct().Select(id => int.TryParse(id, out var n) ? n : 0).ToList();
        if (needs.Count < 2 || needs.Any(id => NeedChoices.All(c => c.Value != id.ToString())))
            ModelState.AddModelError(nameof(NeedIds), "Välj minst två behov i listan.");
        if (!int.TryParse(TopCount, out var top) || top < 1 || (needs.Count >= 2 && top > needs.Count))
            ModelState.AddModelError(nameof(TopCount), "Ange hur många behov som blir prioriteringar, minst 1 och högst antalet valda behov.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = time.GetUtcNow();
        var round = new PriorityRound
        {
            Title = title, Period = string.IsNullOrWhiteSpace(Period) ? null : Period.Trim(), PointsPerParticipant = points, TopCount = top,
            CreatedBy = user.Scope.Email!.ToLowerInvariant(), CreatedAt = now,
            Regions = [.. regions.Select(r => new PriorityRoundRegion { CountyCode = r })],
            Needs = [.. needs.Select(n => new PriorityRoundNeed { NeedId = n })],
        };
        db.PriorityRounds.Add(round);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Omgången {round.Title} har startats.";
        return Redirect($"/behov/omgangar/{round.Id}");
    }

    private bool MayCreate => user.Scope.IsAdmin || user.Scope.Counties.Count > 0;

    private async Task LoadChoicesAsync()
    {
        // Cooperating regions may be any region: the round needs only one of the creator's own.
        CountyChoices = await db.Counties.AsNoTracking().OrderBy(c => c.Name).Select(c => new Choice(c.Code, c.Name)).ToListAsync();
        var visible = await NeedRules.VisibleNeedsAsync(db, user.Scope);
        NeedChoices = await visible.AsNoTracking().Where(n => n.MergedIntoId == null).OrderBy(n => n.Title)
            .Select(n => new Choice(n.Id.ToString(), n.Title)).ToListAsync();
    }
}
