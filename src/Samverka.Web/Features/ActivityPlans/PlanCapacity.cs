using Samverka.Web.Data;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>One development area's month: full-time equivalents available against the actions planned for it.</summary>
public sealed record CapacityCell(DateOnly Month, decimal Fte, int PlannedActions);

/// <summary>An action whose responsible person is away (0 %) in at least one of its planned months.</summary>
public sealed record ActionAtRisk(int ActionId, string MemberName, IReadOnlyList<DateOnly> AwayMonths);

/// <summary>
/// The capacity calculation, as pure functions of the plan so it can be tested without a database. A member's
/// share in a month comes from the employment period covering it that starts latest (a leave laid over a
/// full-year post wins); no period means not employed (0 %). A member's time is split evenly between the
/// areas they are responsible for, since the plan records no finer split.
/// </summary>
public static class PlanCapacity
{
    public static DateOnly MonthOf(DateOnly d) => new(d.Year, d.Month, 1);

    public static IEnumerable<DateOnly> Months(DateOnly from, DateOnly to)
    {
        for (var m = MonthOf(from); m <= MonthOf(to); m = m.AddMonths(1)) yield return m;
    }

    public static int PercentIn(IEnumerable<EmploymentPeriod> periods, DateOnly month)
    {
        var m = MonthOf(month);
        return periods.Where(p => p.FromMonth <= m && (p.ToMonth is null || p.ToMonth >= m))
            .OrderByDescending(p => p.FromMonth).ThenBy(p => p.ToMonth ?? DateOnly.MaxValue).ThenByDescending(p => p.Id)
            .Select(p => p.Percent).FirstOrDefault();
    }

    /// <summary>Area id → one cell per month of the plan's period.</summary>
    public static Dictionary<int, List<CapacityCell>> ByArea(ActivityPlan plan)
    {
        var months = Months(plan.StartDate, plan.EndDate).ToList();
        var result = new Dictionary<int, List<CapacityCell>>();
        foreach (var area in plan.Areas)
        {
            var members = plan.Team.Where(t => t.Areas.Any(a => a.AreaId == area.Id)).ToList();
            result[area.Id] = months.Select(m => new CapacityCell(m,
                members.Sum(t => PercentIn(t.Periods, m) / 100m / t.Areas.Count),
                area.Actions.Count(a => IsOpen(a) && a.PlannedFrom <= m && a.PlannedTo >= m))).ToList();
        }
        return result;
    }

    /// <summary>Actions still to be done (planned or ongoing) whose responsible member is away in some planned month.</summary>
    public static List<ActionAtRisk> AtRisk(ActivityPlan plan)
    {
        var team = plan.Team.ToDictionary(t => t.Id);
        var risks = new List<ActionAtRisk>();
        foreach (var action in plan.Areas.SelectMany(a => a.Actions).Where(IsOpen))
        {
            if (action.ResponsibleId is not int id || !team.TryGetValue(id, out var member)) continue;
            var away = Months(action.PlannedFrom, action.PlannedTo).Where(m => PercentIn(member.Periods, m) == 0).ToList();
            if (away.Count > 0) risks.Add(new ActionAtRisk(action.Id, member.Name, away));
        }
        return risks;
    }

    /// <summary>Still to be done: planned or ongoing (what the capacity, the risks and the follow-up lists count).</summary>
    public static bool IsOpen(PlannedAction a) => a.Status is PlannedActionStatus.Planned or PlannedActionStatus.Ongoing;
}
