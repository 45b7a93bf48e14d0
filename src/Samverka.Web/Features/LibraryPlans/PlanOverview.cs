using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Engagement;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.LibraryPlans;

/// <summary>
/// Library-plan figures for a region or the nation, computed from the register for any year: the page,
/// its table and map, the exports and the API all read <see cref="For"/>, so they cannot disagree.
/// The reference date of a year is 31 December, the date of KB's yearly count.
/// </summary>
public static class PlanOverview
{
    public record Place(string Code, string Name, string CountyCode, string CountyName);

    /// <summary>Everything the figures are computed from; loaded once per request.</summary>
    public record Register(List<Place> Municipalities, ILookup<string, PlanPeriod> Plans, IReadOnlyDictionary<string, int> DeclaredNoPlanFrom);

    public record Row(Place Municipality, PlanStatus Status, bool Current, bool GrantEligible, bool LosesCurrentNextYear,
        bool LacksInForceNextYear, DateOnly? LatestEnd, int PlanCount);

    public record StatusCount(PlanStatus Status, string Label, int Count, decimal Percent);

    public record Summary(int Year, string? CountyCode, List<Row> Rows, List<StatusCount> Counts)
    {
        public int Total => Rows.Count;
        public int Current => Rows.Count(r => r.Current);
        public int Known => Rows.Count(r => r.Status != PlanStatus.Unknown);
        public decimal CurrentPercent => Percent(Current, Total);
        public IEnumerable<Row> LosingCurrent => Rows.Where(r => r.LosesCurrentNextYear);
        public IEnumerable<Row> LackingInForce => Rows.Where(r => r.LacksInForceNextYear);
    }

    public record SeriesPoint(int Year, int Current, int Total, decimal Percent);

    public static decimal Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    /// <param name="countyCode">Null for the whole country.</param>
    public static async Task<Register> LoadAsync(AppDbContext db, string? countyCode, CancellationToken ct = default)
    {
        var municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => countyCode == null || m.CountyCode == countyCode)
            .Select(m => new Place(m.Code, m.Name, m.CountyCode, m.County!.Name)).ToListAsync(ct);
        municipalities = [.. municipalities.OrderBy(m => m.Name, SwedishText.OrderIgnoringCase)];
        var plans = await db.LibraryPlans.AsNoTracking()
            .Where(p => p.MunicipalityCode != null && (countyCode == null || p.Municipality!.CountyCode == countyCode))
            .Select(p => new { p.MunicipalityCode, p.ValidFrom, p.ValidTo }).ToListAsync(ct);
        // A confirmed survey answer "no plan" tells us something from the survey's year on; before it, nothing.
        var declared = await db.PlanSurveyResponses.AsNoTracking()
            .Where(r => r.ConfirmedAt != null && r.HasPlan == false && (countyCode == null || r.Municipality!.CountyCode == countyCode))
            .GroupBy(r => r.MunicipalityCode).Select(g => new { g.Key, Year = g.Min(r => r.Survey!.Year) }).ToListAsync(ct);
        return new Register(municipalities, plans.ToLookup(p => p.MunicipalityCode!, p => new PlanPeriod(p.ValidFrom, p.ValidTo)),
            declared.ToDictionary(d => d.Key, d => d.Year));
    }

    public static Summary For(Register register, int year, string? countyCode)
    {
        var date = new DateOnly(year, 12, 31);
        var rows = register.Municipalities.Select(m =>
        {
            var plans = register.Plans[m.Code].ToList();
            var declared = register.DeclaredNoPlanFrom.TryGetValue(m.Code, out var from) && from <= year;
            var current = PlanRules.AnyCurrent(plans, year);
            return new Row(m, PlanRules.StatusOn(plans, declared, date), current, PlanRules.GrantEligible(plans, year),
                PlanRules.LosesCurrentNextYear(plans, year), PlanRules.LacksPlanInForceNextYear(plans, year),
                plans.Count == 0 ? null : plans.Max(p => p.To), plans.Count);
        }).ToList();
        var counts = Enum.GetValues<PlanStatus>()
            .Select(s => new StatusCount(s, PlanRules.Label(s), rows.Count(r => r.Status == s), Percent(rows.Count(r => r.Status == s), rows.Count)))
            .ToList();
        return new Summary(year, countyCode, rows, counts);
    }

    /// <summary>The share with a current plan by KB's rule in December of each year.</summary>
    public static List<SeriesPoint> Series(Register register, int fromYear, int toYear) =>
        [.. Enumerable.Range(fromYear, toYear - fromYear + 1).Select(y =>
        {
            var current = register.Municipalities.Count(m => PlanRules.AnyCurrent(register.Plans[m.Code], y));
            return new SeriesPoint(y, current, register.Municipalities.Count, Percent(current, register.Municipalities.Count));
        })];

    /// <summary>Years a view may ask for: wide enough for any plan, narrow enough to refuse nonsense.</summary>
    public const int MinYear = 1997, MaxYear = 2100;
}
