using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.LibraryPlans;

/// <summary>
/// A coordinator sends the region's municipalities the plan survey (seed 004): one link per municipality,
/// e-mailed to its library managers in the same transaction; only the token's hash is stored.
/// </summary>
[Authorize]
public class SurveyCreateModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    public record Choice(string Code, string Name);

    [BindProperty] public string? Lan { get; set; }
    [BindProperty] public string? Year { get; set; }
    public List<Choice> Counties { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return Forbid();
        Year ??= SwedishTimeZone.Local(time.GetUtcNow()).Year.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return Forbid();
        if (Counties.All(c => c.Code != Lan)) ModelState.AddModelError(nameof(Lan), "Välj en region som du samordnar.");
        if (!int.TryParse(Year, out var year) || year is < PlanOverview.MinYear or > PlanOverview.MaxYear)
            ModelState.AddModelError(nameof(Year), $"Ange ett år mellan {PlanOverview.MinYear} och {PlanOverview.MaxYear}.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = time.GetUtcNow();
        var survey = new PlanSurvey { CountyCode = Lan!, Year = year, SentAt = now, SentBy = user.Scope.Email };
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.CountyCode == Lan).OrderBy(m => m.Name).ToListAsync();
        var managers = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.Role == Roles.LibraryManager && r.Municipality!.CountyCode == Lan && r.User!.IsActive && r.User.Email != null)
            .Select(r => new { r.MunicipalityCode, r.User!.Email }).ToListAsync();
        var linkBase = PublicUrl.Base(Request);
        foreach (var m in municipalities)
        {
            var token = InvitationTokens.Create();
            survey.Responses.Add(new PlanSurveyResponse { MunicipalityCode = m.Code, TokenHash = InvitationTokens.Hash(token) });
            foreach (var to in managers.Where(x => x.MunicipalityCode == m.Code).Select(x => x.Email!).Distinct())
                Outbox.Enqueue(db, to, $"Enkät om biblioteksplan för {m.Name} {year}", $"""
                    Hej!

                    Den regionala biblioteksverksamheten vill veta hur det går med {m.Name}s biblioteksplan:
                    finns en plan, när går den ut, pågår arbete med en ny, och vill ni arbeta gemensamt med planerna?

                    Svara här (fyra korta frågor, ingen inloggning): {linkBase}/biblioteksplaner/enkat/{token}

                    Svaren förs in i registret först när regionen har bekräftat dem.
                    """, now);
        }
        db.PlanSurveys.Add(survey);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Enkäten har skickats till bibliotekscheferna i {municipalities.Count} kommuner.";
        return Redirect($"/biblioteksplaner/enkater/{survey.Id}");
    }

    private async Task<bool> LoadAsync()
    {
        var mine = user.Scope.Counties.ToArray();
        Counties = await db.Counties.AsNoTracking().Where(c => user.Scope.IsAdmin || mine.Contains(c.Code)).OrderBy(c => c.Name)
            .Select(c => new Choice(c.Code, c.Name)).ToListAsync();
        return Counties.Count > 0;
    }
}
