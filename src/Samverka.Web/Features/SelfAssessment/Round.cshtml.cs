using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.SelfAssessment;

/// <summary>A round with its answer links; its coordinator can close it early.</summary>
[Authorize]
public class RoundModel(AppDbContext db, CurrentUser user, TimeProvider time, Microsoft.Extensions.Options.IOptions<SelfAssessmentOptions> options) : PageModel
{
    public AssessmentRound Round { get; private set; } = null!;
    public string CountyName { get; private set; } = "";
    public List<(string Library, string Municipality, string Token)> Links { get; private set; } = [];
    /// <summary>Null below the threshold (see <see cref="Suppression.ShownCount"/>).</summary>
    public int? Responses { get; private set; }
    public string FewerThan => Suppression.FewerThan(options.Value.MinGroupForMean);
    public bool IsOpen { get; private set; }
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var found = await LoadAsync(id);
        if (found is not null) return found;
        Links = (await db.AssessmentLinks.AsNoTracking().Where(l => l.RoundId == id)
            .OrderBy(l => l.Library!.Municipality!.Name).ThenBy(l => l.Library!.Name)
            .Select(l => new { l.Library!.Name, Municipality = l.Library.Municipality!.Name, l.Token }).ToListAsync())
            .Select(l => (l.Name, l.Municipality, l.Token)).ToList();
        Responses = Suppression.ShownCount(await db.AssessmentResponses.CountAsync(r => r.RoundId == id), options.Value.MinGroupForMean);
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(int id)
    {
        var found = await LoadAsync(id);
        if (found is not null) return found;
        if (!CanManage) return Forbid();
        var round = await db.AssessmentRounds.FirstAsync(r => r.Id == id);
        round.ClosedEarly = true;
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Mätomgången {round.Name} är stängd. Inga fler svar tas emot.";
        return Redirect($"/sjalvskattning/omgangar/{id}");
    }

    public string AnswerUrl(string token) => $"{PublicUrl.Base(Request)}/sjalvskattning/svara/{token}";

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var round = await db.AssessmentRounds.AsNoTracking().Include(r => r.County).FirstOrDefaultAsync(r => r.Id == id);
        if (round is null) return NotFound();
        if (!AssessmentRules.CanReadRound(user.Scope, round.CountyCode)) return Forbid();
        Round = round;
        CountyName = round.County!.Name;
        IsOpen = AssessmentRules.IsOpen(round, SwedishTimeZone.Today(time));
        CanManage = AssessmentRules.CanManageRound(user.Scope, round.CountyCode);
        return null;
    }
}
