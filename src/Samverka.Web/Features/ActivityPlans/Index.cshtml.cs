using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// The plans the user sees. Filters the start page links to: ?lan= (one region's plans) and ?visa=riskzon (actions at
/// risk, not yet past) or ?visa=forsenade (open actions whose planned months have passed), listed by <see cref="PlanFollowUp"/>.
/// An unknown region or list is ignored with a notice.
/// </summary>
[Authorize]
public class IndexModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Title, string Region, DateOnly Start, DateOnly End, bool Own);
    public IReadOnlyList<Row> Plans { get; private set; } = [];
    public IReadOnlyList<NationalArea> National { get; private set; } = [];
    public bool ShowNational { get; private set; }
    public bool CanCreate { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Lan { get; set; }
    [BindProperty(SupportsGet = true)] public string? Visa { get; set; }

    /// <summary>The region filtered by (a known county code), and its name.</summary>
    public string? County { get; private set; }
    public string? CountyName { get; private set; }
    /// <summary>The follow-up list shown (<see cref="PlanFollowUp.AtRiskFilter"/> or <see cref="PlanFollowUp.OverdueFilter"/>), null for none.</summary>
    public string? FollowUp { get; private set; }
    public IReadOnlyList<FollowUpRow> FollowUpRows { get; private set; } = [];
    /// <summary>Swedish notices about query values that were ignored.</summary>
    public List<string> Ignored { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var lan = Lan?.Trim();
        if (!string.IsNullOrEmpty(lan))
        {
            CountyName = await db.Counties.AsNoTracking().Where(c => c.Code == lan).Select(c => c.Name).FirstOrDefaultAsync(ct);
            if (CountyName is null) Ignored.Add("Det finns inget län med den koden, så listan visar alla regioner.");
            else County = lan;
        }
        var visa = Visa?.Trim();
        if (visa is PlanFollowUp.AtRiskFilter or PlanFollowUp.OverdueFilter) FollowUp = visa;
        else if (!string.IsNullOrEmpty(visa)) Ignored.Add("Det finns ingen sådan lista att visa. Välj Aktiviteter i riskzonen eller Försenade aktiviteter nedan.");

        var today = SwedishTimeZone.Today(clock);
        if (FollowUp == PlanFollowUp.AtRiskFilter) FollowUpRows = await PlanFollowUp.AtRiskAsync(db, user.Scope, County, today, ct);
        else if (FollowUp == PlanFollowUp.OverdueFilter) FollowUpRows = await PlanFollowUp.OverdueAsync(db, user.Scope, County, today, ct);

        var home = await ActivityPlanAccess.HomeCountiesAsync(db, user.Scope, ct);
        var plans = ActivityPlanAccess.Visible(db.ActivityPlans.AsNoTracking(), user.Scope, home);
        if (County is not null) plans = plans.Where(p => p.CountyCode == County);
        Plans = await plans
            .OrderByDescending(p => p.StartDate).ThenBy(p => p.County!.Name)
            .Select(p => new Row(p.Id, p.Title, p.County!.RegionalBody, p.StartDate, p.EndDate, home.Contains(p.CountyCode)))
            .ToListAsync(ct);
        CanCreate = ActivityPlanAccess.CanCreate(user.Scope);
        ShowNational = user.Scope.ReadsEverything;
        if (ShowNational) National = await NationalSummary.ComputeAsync(db);
    }

    /// <summary>This page with the region filter kept and another list (null for none).</summary>
    public string Link(string? visa)
    {
        var query = new Dictionary<string, string?> { ["lan"] = County, ["visa"] = visa }.Where(kv => kv.Value is not null);
        var url = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/verksamhetsplaner", query);
        return visa switch { PlanFollowUp.AtRiskFilter => url + "#at-risk", PlanFollowUp.OverdueFilter => url + "#overdue", _ => url };
    }
}
