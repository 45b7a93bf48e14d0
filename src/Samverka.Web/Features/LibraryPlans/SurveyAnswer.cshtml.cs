using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.LibraryPlans;

/// <summary>
/// A municipality answers the plan survey through its link, without signing in: the link's random token is
/// the permission. The answer may be corrected until the region has confirmed it.
/// </summary>
public class SurveyAnswerModel(AppDbContext db, TimeProvider time) : PageModel
{
    [FromRoute, NotFreeText("random link token")] public string Token { get; set; } = "";
    [BindProperty] public string? HasPlan { get; set; }
    [BindProperty] public string? ExpiresYear { get; set; }
    [BindProperty] public string? NewPlanInProgress { get; set; }
    [BindProperty] public string? WantsJointWork { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public string MunicipalityName { get; private set; } = "";
    public int Year { get; private set; }
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var response = await FindAsync();
        if (response is null) return NotFound();
        HasPlan = YesNo(response.HasPlan);
        ExpiresYear = response.ExpiresYear?.ToString();
        NewPlanInProgress = YesNo(response.NewPlanInProgress);
        WantsJointWork = YesNo(response.WantsJointWork);
        Comment = response.Comment;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var response = await FindAsync();
        if (response is null) return NotFound();
        if (Confirmed)
        {
            ModelState.AddModelError("", "Regionen har redan bekräftat ert svar. Kontakta regionen om något behöver ändras.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        bool? Parse(string? v, string field, string question)
        {
            if (v is "ja") return true;
            if (v is "nej") return false;
            ModelState.AddModelError(field, $"Svara ja eller nej på frågan {question}");
            return null;
        }
        var hasPlan = Parse(HasPlan, nameof(HasPlan), "om kommunen har en biblioteksplan.");
        int? expires = null;
        if (hasPlan == true)
        {
            if (int.TryParse(ExpiresYear, out var y) && y is >= PlanOverview.MinYear and <= PlanOverview.MaxYear) expires = y;
            else ModelState.AddModelError(nameof(ExpiresYear), "Ange det år planen går ut, till exempel 2022.");
        }
        var inProgress = Parse(NewPlanInProgress, nameof(NewPlanInProgress), "om arbete med en ny plan pågår.");
        var joint = Parse(WantsJointWork, nameof(WantsJointWork), "om ni vill arbeta gemensamt med planerna.");
        if (Comment?.Length > 2000) ModelState.AddModelError(nameof(Comment), "Kommentaren får vara högst 2 000 tecken.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        response.HasPlan = hasPlan;
        response.ExpiresYear = expires;
        response.NewPlanInProgress = inProgress;
        response.WantsJointWork = joint;
        response.Comment = string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim();
        response.AnsweredAt = time.GetUtcNow();
        await db.SaveChangesAsync();
        TempData["Notice"] = "Tack för ert svar! Regionen går igenom det innan registret uppdateras.";
        return Redirect($"/biblioteksplaner/enkat/{Token}");
    }

    private static string? YesNo(bool? b) => b switch { true => "ja", false => "nej", _ => null };

    private async Task<PlanSurveyResponse?> FindAsync()
    {
        if (Token.Length is < 20 or > 100) return null;
        var hash = InvitationTokens.Hash(Token);
        var response = await db.PlanSurveyResponses.Include(r => r.Municipality).Include(r => r.Survey).FirstOrDefaultAsync(r => r.TokenHash == hash);
        if (response is null) return null;
        MunicipalityName = response.Municipality!.Name;
        Year = response.Survey!.Year;
        Confirmed = response.ConfirmedAt is not null;
        return response;
    }
}
