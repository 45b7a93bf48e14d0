using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Engagement;

namespace Samverka.Web.Features.LibraryPlans;

/// <summary>
/// A plan survey's answers and non-respondents. The region's coordinator confirms an answer; only then does
/// it change the register: "has a plan expiring in Y" records a plan ending 31 December Y (start unknown),
/// "no plan" makes the municipality "Ingen plan" rather than unknown from the survey's year on.
/// </summary>
[Authorize]
public class SurveyModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    public record Row(int Id, string Code, string Name, DateTimeOffset? AnsweredAt, bool? HasPlan, int? ExpiresYear, bool? NewPlanInProgress,
        bool? WantsJointWork, string? Comment, DateTimeOffset? ConfirmedAt);

    [FromRoute] public int Id { get; set; }
    [BindProperty] public int? ResponseId { get; set; }

    public PlanSurvey Survey { get; private set; } = null!;
    public string CountyName { get; private set; } = "";
    public List<Row> Rows { get; private set; } = [];
    public bool MayConfirm { get; private set; }
    public IEnumerable<Row> NonRespondents => Rows.Where(r => r.AnsweredAt is null);
    public int ToConfirm => Rows.Count(r => SurveyFollowUp.AwaitsConfirmation(r.AnsweredAt, r.ConfirmedAt));

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!MayConfirm) return Forbid();
        var response = await db.PlanSurveyResponses.Include(r => r.Municipality).FirstOrDefaultAsync(r => r.Id == ResponseId && r.SurveyId == Id);
        if (response is null || response.AnsweredAt is null || response.ConfirmedAt is not null)
        {
            ModelState.AddModelError("", "Välj ett besvarat svar som inte redan är bekräftat.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = time.GetUtcNow();
        response.ConfirmedAt = now;
        response.ConfirmedBy = user.Scope.Email;
        if (response.HasPlan == true && response.ExpiresYear is int y)
        {
            var end = new DateOnly(y, 12, 31);
            if (!await db.LibraryPlans.AnyAsync(p => p.MunicipalityCode == response.MunicipalityCode && p.ValidTo == end))
                db.LibraryPlans.Add(new LibraryPlan
                {
                    MunicipalityCode = response.MunicipalityCode, Title = "Biblioteksplan (enligt enkätsvar)", ValidTo = end,
                    ReportedOn = SwedishTimeZone.Today(response.AnsweredAt.Value),
                    SourceNote = $"Från regionens enkät {Survey.Year}: start, titel och beslut okända.", CreatedAt = now, UpdatedAt = now,
                });
        }
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Svaret från {response.Municipality!.Name} är bekräftat och registret uppdaterat.";
        return Redirect($"/biblioteksplaner/enkater/{Id}");
    }

    private async Task<bool> LoadAsync()
    {
        var survey = await db.PlanSurveys.AsNoTracking().Include(s => s.County).FirstOrDefaultAsync(s => s.Id == Id);
        if (survey is null || !(user.Scope.ReadsEverything || user.Scope.Counties.Contains(survey.CountyCode))) return false;
        Survey = survey;
        CountyName = survey.County!.Name;
        MayConfirm = LibraryPlanAccess.CoordinatesRegion(user.Scope, survey.CountyCode);
        var rows = await db.PlanSurveyResponses.AsNoTracking().Where(r => r.SurveyId == Id)
            .Select(r => new Row(r.Id, r.MunicipalityCode, r.Municipality!.Name, r.AnsweredAt, r.HasPlan, r.ExpiresYear, r.NewPlanInProgress,
                r.WantsJointWork, r.Comment, r.ConfirmedAt)).ToListAsync();
        Rows = [.. rows.OrderBy(r => r.Name, SwedishText.OrderIgnoringCase)];
        return true;
    }
}
