using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Activities;

namespace Samverka.Web.Features.SelfAssessment;

public sealed record CoverageResult(int RoundId, string RoundName, string CountyName, DateOnly Since, int Municipalities,
    IReadOnlyList<string> Covered, IReadOnlyList<string> NotCovered, IReadOnlyList<string> CoveredCodes);

/// <summary>
/// "n av m kommuner har haft en workshop efter sin mätomgång" (seed 004: 6 of 10 in Västmanland 2019).
/// Rule: a municipality of the round's region counts when a workshop (kind Workshop, not cancelled)
/// with a session on or after the round's first day was organised or co-organised by a library in
/// that municipality. A workshop run by the region alone names no municipality, so it counts for none.
/// With <c>until</c> (a yearly report's last day), later workshops do not count.
/// </summary>
public static class WorkshopCoverage
{
    /// <summary>
    /// The region's latest round that has opened (the start page's "without a workshop after the latest round"), with
    /// its coverage today; null when the region has none. /sjalvskattning/behov?ar={year} lists it as #coverage-{id}.
    /// </summary>
    public static async Task<CoverageResult?> ForLatestRoundAsync(AppDbContext db, string county, DateOnly today, CancellationToken ct = default)
    {
        var latest = await db.AssessmentRounds.AsNoTracking().Where(r => r.CountyCode == county && r.OpensOn <= today)
            .OrderByDescending(r => r.OpensOn).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        return latest is null ? null : await ForRoundAsync(db, latest);
    }

    public static async Task<CoverageResult> ForRoundAsync(AppDbContext db, AssessmentRound round, DateOnly? until = null)
    {
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.CountyCode == round.CountyCode)
            .OrderBy(m => m.Name).Select(m => new { m.Code, m.Name }).ToListAsync();
        var workshops = db.Activities.AsNoTracking().Where(a => a.Kind == ActivityKind.Workshop && a.Status != ActivityStatus.Cancelled
            && a.Sessions.Any(s => s.Date >= round.OpensOn && (until == null || s.Date <= until)));
        var organisers = await workshops.Where(a => a.OrganiserLibraryId != null).Select(a => a.OrganiserLibrary!.MunicipalityCode)
            .Union(workshops.SelectMany(a => a.CoOrganisers).Where(o => o.LibraryId != null).Select(o => o.Library!.MunicipalityCode))
            .ToListAsync();
        var coveredRows = municipalities.Where(m => organisers.Contains(m.Code)).ToList();
        var covered = coveredRows.Select(m => m.Name).ToList();
        var county = await db.Counties.AsNoTracking().Where(c => c.Code == round.CountyCode).Select(c => c.Name).FirstAsync();
        return new CoverageResult(round.Id, round.Name, county, round.OpensOn, municipalities.Count, covered,
            municipalities.Select(m => m.Name).Except(covered).ToList(), coveredRows.Select(m => m.Code).ToList());
    }
}
