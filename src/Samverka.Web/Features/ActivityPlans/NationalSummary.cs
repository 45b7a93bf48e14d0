using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Activities;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>One development area across the country: which regions work on it and what has been done under it.</summary>
/// <param name="Activities">Held activities (published, a session in the plan's period) that the area's planned actions link to.</param>
/// <param name="Participants">Confirmed registrations for those activities (as on /aktiviteter/statistik).</param>
/// <param name="Municipalities">Municipalities whose libraries arranged or co-arranged those activities.</param>
public sealed record NationalArea(string Name, IReadOnlyList<string> Regions, int Activities, int Participants, int Municipalities);

/// <summary>
/// The national coordinator's roll-up. Areas are grouped by name (case-insensitive), since regions name the same area
/// the same way (seed 004's four areas are the national ones). The figures are the area's own: what its planned
/// actions link to, not the region's totals repeated on every area, so an area nobody has linked work to shows 0.
/// </summary>
public static class NationalSummary
{
    public static async Task<IReadOnlyList<NationalArea>> ComputeAsync(AppDbContext db, CancellationToken ct = default)
    {
        var plans = await db.ActivityPlans.AsNoTracking().AsSplitQuery().Include(p => p.County)
            .Include(p => p.Areas).ThenInclude(a => a.Actions).ThenInclude(x => x.Links).ToListAsync(ct);
        var linked = plans.SelectMany(p => p.Areas).SelectMany(a => a.Actions).SelectMany(x => x.Links)
            .Where(l => l.ActivityId != null).Select(l => l.ActivityId!.Value).Distinct().ToList();
        var activities = (await db.Activities.AsNoTracking().Where(a => linked.Contains(a.Id) && a.Status == ActivityStatus.Published)
            .Select(a => new
            {
                a.Id,
                Dates = a.Sessions.Select(s => s.Date).ToList(),
                Organiser = a.OrganiserLibrary == null ? null : a.OrganiserLibrary.MunicipalityCode,
                CoOrganisers = a.CoOrganisers.Where(o => o.LibraryId != null).Select(o => o.Library!.MunicipalityCode).ToList(),
            }).ToListAsync(ct)).ToDictionary(a => a.Id);
        var participants = (await ActivityStatistics.LoadAsync(db, activityIds: activities.Keys.ToList()))
            .GroupBy(p => p.ActivityId).ToDictionary(g => g.Key, g => g.Count());

        return plans.SelectMany(p => p.Areas.Select(a => (Plan: p, Area: a)))
            .GroupBy(x => x.Area.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                // An activity counts for an area when one of its actions links to it and it was held in that plan's period.
                var held = g.SelectMany(x => x.Area.Actions.SelectMany(a => a.Links)
                        .Where(l => l.ActivityId is int id && activities.TryGetValue(id, out var act) && act.Dates.Any(d => d >= x.Plan.StartDate && d <= x.Plan.EndDate))
                        .Select(l => l.ActivityId!.Value))
                    .Distinct().Select(id => activities[id]).ToList();
                return new NationalArea(g.First().Area.Name.Trim(), g.Select(x => x.Plan.County!.Name).Distinct().Order().ToList(), held.Count,
                    held.Sum(a => participants.GetValueOrDefault(a.Id)),
                    held.SelectMany(a => a.CoOrganisers.Append(a.Organiser)).OfType<string>().Distinct().Count());
            })
            .OrderByDescending(a => a.Regions.Count).ThenBy(a => a.Name, SwedishText.OrderIgnoringCase)
            .ToList();
    }
}
