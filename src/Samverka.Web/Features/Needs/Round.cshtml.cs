using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Engagement;

namespace Samverka.Web.Features.Needs;

/// <summary>
/// A priority round: participants distribute their points once while it is open; a coordinator of one of
/// its regions closes it, and the result lists the needs in order with their votes and answers.
/// </summary>
[Authorize]
public class RoundModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    public record NeedRow(int Id, string Title, int Answers, int AnswersMet);

    [FromRoute] public int Id { get; set; }
    /// <summary>Points per need id, as typed.</summary>
    [BindProperty] public Dictionary<string, string?> Votes { get; set; } = [];

    public PriorityRound Round { get; private set; } = null!;
    public string RegionNames { get; private set; } = "";
    public List<NeedRow> Needs { get; private set; } = [];
    public List<NeedRules.ResultRow> Result { get; private set; } = [];
    public int Ballots { get; private set; }
    public bool MayVote { get; private set; }
    public bool HasVoted { get; private set; }
    public bool MayManage { get; private set; }
    public bool ShowResult => Round.ClosedAt is not null || MayManage;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!ShowResult) return NotFound();
        return Export.Csv(new ExportTable(["Plats", "Behov", "Poäng", "Röstande", "Prioriterat"],
            Result.Select((r, i) => new object?[] { r.Rank ?? i + 1, r.Title, r.Points, r.Voters, r.IsPriority ? "Ja" : "Nej" })), $"prioritering-{Id}");
    }

    public async Task<IActionResult> OnPostVoteAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!MayVote) return Forbid();
        if (Round.ClosedAt is not null) return Refuse("Omgången är avslutad. Det går inte längre att rösta.");
        if (HasVoted) return Refuse("Du har redan röstat i den här omgången. En röst kan inte lämnas två gånger.");
        var points = new Dictionary<int, int>();
        foreach (var n in Needs)
        {
            var text = Votes.GetValueOrDefault(n.Id.ToString())?.Trim();
            if (string.IsNullOrEmpty(text)) continue;
            if (!int.TryParse(text, out var p) || p < 0) ModelState.AddModelError($"Votes_{n.Id}", $"Poängen för {n.Title} måste vara ett heltal, 0 eller mer.");
            else if (p > 0) points[n.Id] = p;
        }
        if (ModelState.IsValid && points.Values.Sum() != Round.PointsPerParticipant)
            ModelState.AddModelError("", $"Fördela exakt {Round.PointsPerParticipant} poäng. Du har fördelat {points.Values.Sum()}.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        db.PriorityBallots.Add(new PriorityBallot
        {
            RoundId = Id, UserEmail = user.Scope.Email!.ToLowerInvariant(), CastAt = time.GetUtcNow(),
            Points = [.. points.Select(p => new PriorityPoints { NeedId = p.Key, Points = p.Value })],
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (PostgresErrors.IsUniqueViolation(e))
        {
            // Two submissions at once: the database lets the first through.
            db.ChangeTracker.Clear();
            return Refuse("Du har redan röstat i den här omgången. En röst kan inte lämnas två gånger.");
        }
        TempData["Notice"] = "Tack, din röst är registrerad.";
        return Redirect($"/behov/omgangar/{Id}");
    }

    public async Task<IActionResult> OnPostCloseAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!MayManage) return Forbid();
        if (Round.ClosedAt is not null) return Refuse("Omgången är redan avslutad.");
        var round = await db.PriorityRounds.FirstAsync(r => r.Id == Id);
        await NeedRules.CloseAsync(db, round, time.GetUtcNow());
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Omgången är avslutad. De {round.TopCount} behoven högst upp är prioriteringar{(round.Period is null ? "" : " för " + round.Period)}.";
        return Redirect($"/behov/omgangar/{Id}");
    }

    private IActionResult Refuse(string message)
    {
        ModelState.AddModelError("", message);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var round = await db.PriorityRounds.AsNoTracking().Include(r => r.Regions).ThenInclude(r => r.County).FirstOrDefaultAsync(r => r.Id == Id);
        if (round is null) return false;
        var regions = round.Regions.Select(r => r.CountyCode).ToList();
        if (!await NeedRules.CanSeeRoundAsync(db, user.Scope, regions)) return false;
        Round = round;
        RegionNames = string.Join(", ", round.Regions.Select(r => r.County!.Name).Order(SwedishText.OrderIgnoringCase));
        MayManage = NeedRules.CanManageRound(user.Scope, regions);
        MayVote = await NeedRules.MayVoteAsync(db, user.Scope, regions);
        var email = user.Scope.Email?.ToLowerInvariant();
        HasVoted = await db.PriorityBallots.AnyAsync(b => b.RoundId == Id && b.UserEmail == email);
        Ballots = await db.PriorityBallots.CountAsync(b => b.RoundId == Id);
        Needs = await db.PriorityRoundNeeds.AsNoTracking().Where(x => x.RoundId == Id).OrderBy(x => x.Need!.Title)
            .Select(x => new NeedRow(x.NeedId, x.Need!.Title, x.Need.Activities.Count + x.Need.Offerings.Count,
                x.Need.Activities.Count(a => a.Met == true) + x.Need.Offerings.Count(o => o.Met == true))).ToListAsync();
        Result = await NeedRules.ResultAsync(db, Id);
        return true;
    }
}
