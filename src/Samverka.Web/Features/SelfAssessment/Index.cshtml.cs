using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.SelfAssessment;

/// <summary>The self-assessment's start page (public): the rounds the user may read, and where to go next.</summary>
public class IndexModel(AppDbContext db, CurrentUser user, TimeProvider time, Microsoft.Extensions.Options.IOptions<SelfAssessmentOptions> options) : PageModel
{
    public record Row(int Id, string Name, string County, DateOnly OpensOn, DateOnly ClosesOn, bool Open, int? Responses);
    /// <summary>What a round with fewer responses than the threshold shows (its exact number would tell who answered).</summary>
    public string FewerThan => Suppression.FewerThan(options.Value.MinGroupForMean);
    public List<Row> Rounds { get; private set; } = [];
    public bool CanOpen { get; private set; }
    public bool CanSeeResults { get; private set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Lan { get; set; }
    /// <summary>"oppna": only rounds open today.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Visa { get; set; }
    public const string OpenOnly = "oppna";
    /// <summary>Links of open rounds for the libraries the user works at (staff): answer with one of them.</summary>
    public List<AssessmentRules.OpenLink> StaffLinks { get; private set; } = [];
    /// <summary>Links of open rounds for the libraries of the user's municipalities (manager): forward them to the staff.</summary>
    public List<AssessmentRules.OpenLink> ManagerLinks { get; private set; } = [];
    /// <summary>The filtered county's name, for the notice.</summary>
    public string? CountyName { get; private set; }

    public string AnswerUrl(string token) => $"{PublicUrl.Base(Request)}/sjalvskattning/svara/{token}";

    public async Task OnGetAsync()
    {
        var s = user.Scope;
        CanOpen = AssessmentRules.CanOpenAnyRound(s);
        CanSeeResults = Aggregates.MaySeeResults(s);
        var today = SwedishTimeZone.Today(time);
        var rounds = await AssessmentRules.Listed(db, s, Lan, Visa == OpenOnly, today)
            .OrderByDescending(r => r.OpensOn).ThenBy(r => r.County!.Name)
            .Select(r => new { r.Id, r.Name, County = r.County!.Name, r.OpensOn, r.ClosesOn, r.ClosedEarly,
                Responses = db.AssessmentResponses.Count(x => x.RoundId == r.Id) })
            .ToListAsync();
        Rounds = rounds.Select(r => new Row(r.Id, r.Name, r.County, r.OpensOn, r.ClosesOn,
            !r.ClosedEarly && r.OpensOn <= today && today <= r.ClosesOn, Suppression.ShownCount(r.Responses, options.Value.MinGroupForMean))).ToList();
        if (s.Libraries.Count > 0) StaffLinks = await AssessmentRules.OpenLinks(db, s.Libraries, [], today).ToListAsync();
        if (s.Municipalities.Count > 0) ManagerLinks = await AssessmentRules.OpenLinks(db, [], s.Municipalities, today).ToListAsync();
        if (!string.IsNullOrEmpty(Lan)) CountyName = await db.Counties.AsNoTracking().Where(c => c.Code == Lan).Select(c => c.Name).FirstOrDefaultAsync();
    }
}
