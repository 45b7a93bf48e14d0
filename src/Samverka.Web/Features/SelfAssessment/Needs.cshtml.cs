using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.SelfAssessment;

/// <summary>
/// Needs from a year's results: each region's and municipality's two weakest areas, taken only from
/// figures that are shown (suppressed groups give no needs), with the evidence, the activities and
/// offerings whose themes answer them, and the rounds' workshop coverage.
/// </summary>
[Authorize]
public class NeedsModel(AppDbContext db, CurrentUser user, TimeProvider time, IOptions<SelfAssessmentOptions> options) : PageModel
{
    public sealed record Need(GroupRow Group, DigCompArea Area, double Mean, double? ParentMean, List<ActivityMatch> Activities, List<OfferingMatch> Offerings);

    [BindProperty(SupportsGet = true, Name = "ar")] public int? Year { get; set; }
    /// <summary>Only this county's needs and rounds (the start page links here per region); an unknown code shows nothing.</summary>
    [BindProperty(SupportsGet = true, Name = "lan")] public string? Lan { get; set; }
    public string? CountyName { get; private set; }
    public List<int> YearsAvailable { get; private set; } = [];
    public List<Need> Needs { get; private set; } = [];
    public List<CoverageResult> Coverage { get; private set; } = [];
    public Dictionary<int, string> ThemeNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var s = user.Scope;
        if (!Aggregates.MaySeeResults(s)) return Forbid();
        var counties = s.Counties.Concat(s.Municipalities.Select(m => m[..2])).ToArray();
        var everything = s.ReadsEverything;
        if (string.IsNullOrWhiteSpace(Lan)) Lan = null;
        else CountyName = await db.Counties.AsNoTracking().Where(c => c.Code == Lan).Select(c => c.Name).FirstOrDefaultAsync();
        var rounds = await db.AssessmentRounds.AsNoTracking().Where(r => (everything || counties.Contains(r.CountyCode)) && (Lan == null || r.CountyCode == Lan))
            .ToListAsync();
        YearsAvailable = rounds.Select(r => r.OpensOn.Year).Distinct().OrderDescending().ToList();
        var fallback = YearsAvailable.Count > 0 ? YearsAvailable[0] : SwedishTimeZone.Today(time).Year;
        if (Year is not (>= 2000 and <= 2100)) Year = fallback;

        var rows = Aggregates.Visible(await Aggregates.ForYearAsync(db, Year!.Value, options.Value), s)
            .Where(r => r.Level is GroupLevel.Region or GroupLevel.Municipality && r.MeanShown && (Lan == null || r.CountyCode == Lan)).ToList();
        var today = SwedishTimeZone.Today(time);
        ThemeNames = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name);
        foreach (var g in rows.OrderBy(r => r.Level).ThenBy(r => r.Label))
        {
            var parent = rows.FirstOrDefault(r => r.Key == g.ParentKey);
            var weakest = DigComp.Areas.Where(a => g.Area(a.Number).Mean is not null)
                .OrderBy(a => g.Area(a.Number).Mean).ThenBy(a => a.Number).Take(2);
            foreach (var a in weakest)
                Needs.Add(new Need(g, a, g.Area(a.Number).Mean!.Value, parent?.Area(a.Number).Mean,
                    await Matching.UpcomingActivitiesAsync(db, [a.Number], g.CountyCode!, today),
                    await Matching.OfferingsAsync(db, [a.Number], g.CountyCode!, today)));
        }
        // Coverage is the coordinator's view of their rounds: managers see their municipality's needs only.
        foreach (var r in rounds.Where(r => r.OpensOn.Year == Year && AssessmentRules.CanReadRound(s, r.CountyCode)).OrderBy(r => r.OpensOn))
            Coverage.Add(await WorkshopCoverage.ForRoundAsync(db, r));
        return Page();
    }
}
