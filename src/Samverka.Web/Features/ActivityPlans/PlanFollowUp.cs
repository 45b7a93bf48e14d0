using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// One planned action to follow up: where it is (plan, area), who is responsible (null when the user may not see the
/// team), its planned months and, for an action at risk, the months its responsible person is away.
/// </summary>
public sealed record FollowUpRow(int PlanId, string PlanTitle, int ActionId, string ActionText, string AreaName, string? ResponsibleName,
    DateOnly PlannedFrom, DateOnly PlannedTo, IReadOnlyList<DateOnly> AwayMonths);

/// <summary>
/// The follow-up of the activity plans: actions at risk that are not yet past and open actions whose planned months have
/// passed. The start page ("Mitt arbete") counts these lists and the plans list shows them, both through these methods, so
/// the count is the list. Plans are the ones the user sees (<see cref="ActivityPlanAccess.Visible"/>), only the areas the
/// user sees, and risks only where the user may see the team, as on the plan page (<see cref="PlanReading"/>).
/// </summary>
public static class PlanFollowUp
{
    /// <summary>?visa= values of the plans list.</summary>
    public const string AtRiskFilter = "riskzon", OverdueFilter = "forsenade";

    /// <summary>
    /// Open actions whose responsible member is away (0 %) in a planned month (<see cref="PlanCapacity.AtRisk"/>), limited
    /// to actions whose last planned month is this month or later.
    /// </summary>
    /// <param name="county">Only this region's plans; null for every plan the user sees.</param>
    public static async Task<List<FollowUpRow>> AtRiskAsync(AppDbContext db, UserScope s, string? county, DateOnly today, CancellationToken ct = default)
    {
        var month = PlanCapacity.MonthOf(today);
        var rows = new List<FollowUpRow>();
        foreach (var (plan, areas, seeTeam) in await ReadAsync(db, s, county, ct))
        {
            if (!seeTeam) continue;
            var risks = PlanCapacity.AtRisk(plan).ToDictionary(r => r.ActionId);
            foreach (var area in areas)
            foreach (var action in Ordered(area))
                if (risks.TryGetValue(action.Id, out var risk) && PlanCapacity.MonthOf(action.PlannedTo) >= month)
                    rows.Add(Row(plan, area, action, risk.MemberName, risk.AwayMonths));
        }
        return Sorted(rows);
    }

    /// <summary>Open actions (planned or ongoing) whose last planned month is before this month.</summary>
    /// <param name="county">Only this region's plans; null for every plan the user sees.</param>
    public static async Task<List<FollowUpRow>> OverdueAsync(AppDbContext db, UserScope s, string? county, DateOnly today, CancellationToken ct = default)
    {
        var month = PlanCapacity.MonthOf(today);
        var rows = new List<FollowUpRow>();
        foreach (var (plan, areas, seeTeam) in await ReadAsync(db, s, county, ct))
        foreach (var area in areas)
        foreach (var action in Ordered(area))
            if (PlanCapacity.IsOpen(action) && PlanCapacity.MonthOf(action.PlannedTo) < month)
                rows.Add(Row(plan, area, action, seeTeam ? plan.Team.FirstOrDefault(t => t.Id == action.ResponsibleId)?.Name ?? "Ingen angiven" : null, []));
        return Sorted(rows);
    }

    /// <summary>The plans the user sees with open actions, each with the areas the user sees and whether the team is shown.</summary>
    private static async Task<List<(ActivityPlan Plan, List<DevelopmentArea> Areas, bool SeeTeam)>> ReadAsync(AppDbContext db, UserScope s, string? county,
        CancellationToken ct)
    {
        var home = await ActivityPlanAccess.HomeCountiesAsync(db, s, ct);
        var query = ActivityPlanAccess.Visible(db.ActivityPlans.AsNoTracking(), s, home);
        if (county is not null) query = query.Where(p => p.CountyCode == county);
        var plans = await query
            .Where(p => p.Areas.Any(a => a.Actions.Any(x => x.Status == PlannedActionStatus.Planned || x.Status == PlannedActionStatus.Ongoing)))
            .OrderByDescending(p => p.StartDate).ThenBy(p => p.Id)
            .AsSplitQuery()
            .Include(p => p.Areas).ThenInclude(a => a.Actions)
            .Include(p => p.Areas).ThenInclude(a => a.SharedWith)
            .Include(p => p.Team).ThenInclude(m => m.Periods)
            .Include(p => p.Team).ThenInclude(m => m.Areas)
            .ToListAsync(ct);
        var result = new List<(ActivityPlan, List<DevelopmentArea>, bool)>();
        foreach (var plan in plans)
        {
            var view = ActivityPlanAccess.ViewOf(s, home, plan);
            if (view == PlanView.None) continue;
            result.Add((plan, ActivityPlanAccess.VisibleAreas(view, home, plan).ToList(),
                view == PlanView.Full && ActivityPlanAccess.CanSeeTeam(s, plan.CountyCode)));
        }
        return result;
    }

    private static IEnumerable<PlannedAction> Ordered(DevelopmentArea area) => area.Actions.OrderBy(a => a.SortOrder).ThenBy(a => a.Id);

    private static FollowUpRow Row(ActivityPlan plan, DevelopmentArea area, PlannedAction action, string? responsible, IReadOnlyList<DateOnly> away) =>
        new(plan.Id, plan.Title, action.Id, action.Text, area.Name, responsible, action.PlannedFrom, action.PlannedTo, away);

    /// <summary>Soonest ending first, then by plan and as the plan orders its actions (the rows are built in that order).</summary>
    private static List<FollowUpRow> Sorted(List<FollowUpRow> rows) =>
        rows.Select((r, i) => (r, i)).OrderBy(x => PlanCapacity.MonthOf(x.r.PlannedTo)).ThenBy(x => x.i).Select(x => x.r).ToList();
}
