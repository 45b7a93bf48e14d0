using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.ActivityPlans;

/// <summary>One development area across the country: which regions work on it and what their plans' figures say.</summary>
public sealed record NationalArea(string Name, IReadOnlyList<string> Regions, long Activities, long Participants, long MunicipalitiesReached);

/// <summary>
/// The national coordinator's roll-up: areas are grouped by name (case-insensitive), since regions name the
/// same area the same way (seed 004's four areas are the national ones). Activities, participants and municipalities
/// reached are each region's figures for its plan's period (as its plan page shows them), summed.
/// </summary>
public static class NationalSummary
{
    public static async Task<IReadOnlyList<NationalArea>> ComputeAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        var plans = await db.ActivityPlans.AsNoTracking().Include(p => p.County).Include(p => p.Areas).ToListAsync(ct);
        var figures = new Dictionary<int, PlanFigureSet>();
        foreach (var p in plans) figures[p.Id] = await PlanFigures.ComputeAsync(db, p.CountyCode, p.StartDate, p.EndDate, now, ct);
        return plans.SelectMany(p => p.Areas.Select(a => (Plan: p, Area: a)))
            .GroupBy(x => x.Area.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var regionPlans = g.Select(x => x.Plan).DistinctBy(p => p.Id).ToList();
                return new NationalArea(g.First().Area.Name.Trim(), regionPlans.Select(p => p.County!.Name).Distinct().Order().ToList(),
                    regionPlans.Sum(p => figures[p.Id].Value("aktiviteter.antal")), regionPlans.Sum(p => figures[p.Id].Value("deltagare.antal")),
                    regionPlans.Sum(p => figures[p.Id].Value("kommuner.nadda")));
            })
            .OrderByDescending(a => a.Regions.Count).ThenBy(a => a.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), true))
            .ToList();
    }
}
