using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>How much of a plan a user sees: nothing, only areas shared with their region, or all of it.</summary>
public enum PlanView { None, SharedAreas, Full }

/// <summary>
/// Who may read and change activity plans; shared by the pages and the API. A plan is the region's internal
/// planning (it holds the team's leave), so it is not public: the region's coordinators edit it; the region's
/// library managers and staff, administrators and the national coordinator read it; a cooperating region reads
/// only the areas shared with it. The team and capacity (employment and leave) are for editors and national readers.
/// </summary>
public static class ActivityPlanAccess
{
    public static bool CanEdit(UserScope s, string countyCode) => s.IsSystem || s.IsAdmin || s.Counties.Contains(countyCode);

    public static bool CanCreate(UserScope s) => s.IsSystem || s.IsAdmin || s.Counties.Count > 0;

    public static bool CanSeeTeam(UserScope s, string countyCode) => s.ReadsEverything || CanEdit(s, countyCode);

    /// <summary>The counties a user belongs to: coordinated counties and those of their municipalities and libraries.</summary>
    public static async Task<HashSet<string>> HomeCountiesAsync(AppDbContext db, UserScope s, CancellationToken ct = default)
    {
        var counties = new HashSet<string>(s.Counties);
        if (s.Municipalities.Count > 0 || s.Libraries.Count > 0)
        {
            var municipalities = s.Municipalities.ToArray();
            var libraries = s.Libraries.ToArray();
            counties.UnionWith(await db.Municipalities.AsNoTracking().Where(m => municipalities.Contains(m.Code)).Select(m => m.CountyCode).ToListAsync(ct));
            counties.UnionWith(await db.Libraries.AsNoTracking().Where(l => libraries.Contains(l.Id)).Select(l => l.Municipality!.CountyCode).ToListAsync(ct));
        }
        return counties;
    }

    public static PlanView ViewOf(UserScope s, IReadOnlySet<string> home, ActivityPlan plan) =>
        s.ReadsEverything || home.Contains(plan.CountyCode) ? PlanView.Full
        : plan.Areas.Any(a => a.SharedWith.Any(x => home.Contains(x.CountyCode))) ? PlanView.SharedAreas
        : PlanView.None;

    /// <summary>The areas this view shows.</summary>
    public static IEnumerable<DevelopmentArea> VisibleAreas(PlanView view, IReadOnlySet<string> home, ActivityPlan plan) =>
        plan.Areas.Where(a => view == PlanView.Full || a.SharedWith.Any(x => home.Contains(x.CountyCode))).OrderBy(a => a.SortOrder).ThenBy(a => a.Id);

    /// <summary>Plans the user sees at all, as a query (a region's own, those with an area shared with it, or all).</summary>
    public static IQueryable<ActivityPlan> Visible(IQueryable<ActivityPlan> source, UserScope s, IReadOnlySet<string> home)
    {
        if (s.ReadsEverything) return source;
        var counties = home.ToArray();
        return source.Where(p => counties.Contains(p.CountyCode) || p.Areas.Any(a => a.SharedWith.Any(x => counties.Contains(x.CountyCode))));
    }

    /// <summary>The whole plan, read-only, in the order it is shown.</summary>
    public static Task<ActivityPlan?> LoadAsync(AppDbContext db, int id, CancellationToken ct = default) =>
        db.ActivityPlans.AsNoTracking().AsSplitQuery()
            .Include(p => p.County)
            .Include(p => p.Areas).ThenInclude(a => a.Partners)
            .Include(p => p.Areas).ThenInclude(a => a.SubGoals)
            .Include(p => p.Areas).ThenInclude(a => a.Actions).ThenInclude(x => x.Links).ThenInclude(l => l.Activity)
            .Include(p => p.Areas).ThenInclude(a => a.Actions).ThenInclude(x => x.Links).ThenInclude(l => l.Programme)
            .Include(p => p.Areas).ThenInclude(a => a.Actions).ThenInclude(x => x.Links).ThenInclude(l => l.Agreement)
            .Include(p => p.Areas).ThenInclude(a => a.Actions).ThenInclude(x => x.Links).ThenInclude(l => l.Round)
            .Include(p => p.Areas).ThenInclude(a => a.Outcomes)
            .Include(p => p.Areas).ThenInclude(a => a.SharedWith).ThenInclude(x => x.County)
            .Include(p => p.Team).ThenInclude(m => m.Periods)
            .Include(p => p.Team).ThenInclude(m => m.Areas)
            .FirstOrDefaultAsync(p => p.Id == id, ct);
}
