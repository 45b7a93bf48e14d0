using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Needs;

/// <summary>
/// A need: its supporters, the rounds it was ranked in, and its answer (activities and offerings, and whether
/// they met it). Signed-in users in scope support it; its region's coordinator links answers and merges duplicates.
/// </summary>
[Authorize]
public class DetailsModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    public record Choice(int Id, string Label);
    public record RoundPlace(int RoundId, string Title, int? Rank, bool IsPriority);

    [FromRoute] public int Id { get; set; }
    [BindProperty] public int? TargetId { get; set; }
    /// <summary>The answer chosen, as "kind:id" (see NeedAnswers).</summary>
    [BindProperty] public string? AnswerRef { get; set; }
    [BindProperty] public string? Met { get; set; }

    public Need Need { get; private set; } = null!;
    public string? ThemeName { get; private set; }
    public string? CountyName { get; private set; }
    public int Supporters { get; private set; }
    public bool IsSupporter { get; private set; }
    public bool MayManage { get; private set; }
    public List<NeedAnswers.Answer> Answers { get; private set; } = [];
    public List<RoundPlace> Rounds { get; private set; } = [];
    public List<Choice> MergeTargets { get; private set; } = [];
    public List<NeedAnswers.Choice> AnswerChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostSupportAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (Need.MergedIntoId is not null) return Redirect($"/behov/{Need.MergedIntoId}");
        var email = user.Scope.Email!.ToLowerInvariant();
        if (!await db.NeedSupporters.AnyAsync(s => s.NeedId == Id && s.UserEmail == email))
        {
            db.NeedSupporters.Add(new NeedSupporter { NeedId = Id, UserEmail = email, CreatedAt = time.GetUtcNow() });
            try { await db.SaveChangesAsync(); }
            catch (DbUpdateException) { /* a double click: the first one counted */ }
        }
        TempData["Notice"] = "Du stöder nu behovet.";
        return Redirect($"/behov/{Id}");
    }

    public async Task<IActionResult> OnPostMergeAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!MayManage) return Forbid();
        var target = TargetId is int t && t != Id ? await (await NeedRules.VisibleNeedsAsync(db, user.Scope)).FirstOrDefaultAsync(n => n.Id == t) : null;
        if (Need.MergedIntoId is not null) ModelState.AddModelError(nameof(TargetId), "Behovet är redan sammanslaget med ett annat.");
        else if (target is null || target.MergedIntoId is not null) ModelState.AddModelError(nameof(TargetId), "Välj ett annat behov i listan att slå samman med.");
        else if (!NeedRules.CanManageNeed(user.Scope, target.CountyCode)) ModelState.AddModelError(nameof(TargetId), "Du får bara slå samman med behov som du själv förvaltar.");
        if (!ModelState.IsValid) return Invalid();
        await using var tx = await db.Database.BeginTransactionAsync();
        await NeedRules.MergeAsync(db, Need, target!);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        TempData["Notice"] = $"{Need.Title} har slagits samman med {target!.Title}. Stöd och röster har flyttats dit.";
        return Redirect($"/behov/{target.Id}");
    }

    public async Task<IActionResult> OnPostAnswerAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!MayManage) return Forbid();
        bool? met = Met switch { "ja" => true, "nej" => false, "" or null => null, _ => null };
        if (Met is not (null or "" or "ja" or "nej")) ModelState.AddModelError(nameof(Met), "Välj om insatsen mötte behovet: ja, nej eller inte bedömt.");
        if (!ModelState.IsValid) return Invalid();
        // Only what the page offered: a posted id of another region's activity or agreement changes nothing.
        if (!await NeedAnswers.LinkAsync(db, Id, AnswerRef, met, AnswerChoices))
        {
            ModelState.AddModelError(nameof(AnswerRef), "Välj en aktivitet, ett erbjudande, en överenskommelse eller en åtgärd i listan.");
            return Invalid();
        }
        await db.SaveChangesAsync();
        TempData["Notice"] = "Svaret på behovet har sparats.";
        return Redirect($"/behov/{Id}");
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var need = await (await NeedRules.VisibleNeedsAsync(db, user.Scope)).Include(n => n.Theme).Include(n => n.County).Include(n => n.MergedInto)
            .FirstOrDefaultAsync(n => n.Id == Id);
        if (need is null) return false;
        Need = need;
        ThemeName = need.Theme?.Name;
        CountyName = need.County?.Name;
        Supporters = await db.NeedSupporters.CountAsync(s => s.NeedId == Id);
        var email = user.Scope.Email?.ToLowerInvariant();
        IsSupporter = await db.NeedSupporters.AnyAsync(s => s.NeedId == Id && s.UserEmail == email);
        MayManage = NeedRules.CanManageNeed(user.Scope, need.CountyCode);
        Answers = (await NeedAnswers.ForNeedsAsync(db, [Id])).GetValueOrDefault(Id, [])
            .OrderBy(a => a.KindLabel, StringComparer.Ordinal).ThenBy(a => a.Title, StringComparer.Ordinal).ToList();
        Rounds = await db.PriorityRoundNeeds.AsNoTracking().Where(x => x.NeedId == Id).OrderByDescending(x => x.Round!.CreatedAt)
            .Select(x => new RoundPlace(x.RoundId, x.Round!.Title, x.Rank, x.IsPriority)).ToListAsync();
        if (MayManage)
        {
            var visible = await NeedRules.VisibleNeedsAsync(db, user.Scope);
            MergeTargets = (await visible.Where(n => n.Id != Id && n.MergedIntoId == null).OrderBy(n => n.Title).Select(n => new { n.Id, n.Title, n.CountyCode }).ToListAsync())
                .Where(n => NeedRules.CanManageNeed(user.Scope, n.CountyCode)).Select(n => new Choice(n.Id, n.Title)).ToList();
            AnswerChoices = await NeedAnswers.ChoicesAsync(db, need.CountyCode);
        }
        return true;
    }
}
