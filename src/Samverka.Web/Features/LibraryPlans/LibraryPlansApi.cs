using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

using Samverka.Web.Features.Directory;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.LibraryPlans;

/// <param name="ValidFrom">Null when only the end is known.</param>
/// <param name="InForce">In force on 31 December of the year asked for.</param>
/// <param name="Current">Current by KB's rule (in force that year or at most two years back).</param>
public record LibraryPlanDto(int Id, string? MunicipalityCode, string? CountyCode, string OwnerName, string Title, string? AdoptedBy,
    DateOnly? AdoptedOn, DateOnly? ValidFrom, DateOnly ValidTo, string? Url, string? FileUrl, bool CoversSchoolLibraries,
    DateOnly? ReportedOn, bool InForce, bool Current);
/// <param name="Status">InForce, ExpiresThisYear, CurrentButExpired, ExpiredBeyondGrace, NoPlanRecorded or Unknown.</param>
public record PlanStatusRowDto(string MunicipalityCode, string MunicipalityName, string CountyCode, string Status, string StatusLabel,
    bool Current, bool GrantEligible, bool LosesCurrentNextYear, bool LacksPlanInForceNextYear, DateOnly? LatestEnd, int PlanCount);
public record PlanStatusCountDto(string Status, string Label, int Count, decimal Percent);
public record PlanSeriesPointDto(int Year, int Current, int Total, decimal Percent);
/// <param name="Year">Figures are for 31 December of this year, the date of KB's yearly count.</param>
public record PlanOverviewDto(int Year, string? CountyCode, int Total, int Current, decimal CurrentPercent, int Known,
    IReadOnlyList<PlanStatusCountDto> Counts, IReadOnlyList<string> LosingCurrentNextYear, IReadOnlyList<string> LackingPlanInForceNextYear,
    IReadOnlyList<PlanSeriesPointDto> Series, IReadOnlyList<PlanStatusRowDto> Municipalities);

/// <summary>The library-plan register as open data: every plan and the status per municipality for any year.</summary>
public static class LibraryPlansApi
{
    public static void MapLibraryPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/library-plans").WithTags("Biblioteksplaner");

        api.MapGet("", async Task<Results<Ok<List<LibraryPlanDto>>, BadRequest<ApiError>>> (AppDbContext db, TimeProvider time, int? year, string? county) =>
        {
            var y = year ?? SwedishTimeZone.Today(time.GetUtcNow()).Year;
            if (y is < PlanOverview.MinYear or > PlanOverview.MaxYear) return YearError();
            var plans = await db.LibraryPlans.AsNoTracking()
                .Where(p => county == null || p.CountyCode == county || p.Municipality!.CountyCode == county)
                .OrderBy(p => p.MunicipalityCode ?? p.CountyCode).ThenBy(p => p.ValidTo)
                .Select(p => new { p.Id, p.MunicipalityCode, p.CountyCode, Owner = p.Municipality != null ? p.Municipality.Name : p.County!.Name,
                    p.Title, p.AdoptedBy, p.AdoptedOn, p.ValidFrom, p.ValidTo, p.Url, HasFile = p.FileId != null, p.CoversSchoolLibraries, p.ReportedOn })
                .ToListAsync();
            var end = new DateOnly(y, 12, 31);
            return TypedResults.Ok(plans.Select(p => new LibraryPlanDto(p.Id, p.MunicipalityCode, p.CountyCode, p.Owner, p.Title, p.AdoptedBy, p.AdoptedOn,
                p.ValidFrom, p.ValidTo, p.Url, p.HasFile ? $"/biblioteksplaner/{p.Id}/fil" : null, p.CoversSchoolLibraries, p.ReportedOn,
                PlanRules.InForceOn(new PlanPeriod(p.ValidFrom, p.ValidTo), end), PlanRules.CurrentInYear(new PlanPeriod(p.ValidFrom, p.ValidTo), y))).ToList());
        });

        api.MapGet("/overview", async Task<Results<Ok<PlanOverviewDto>, BadRequest<ApiError>, NotFound<ApiError>>> (AppDbContext db, TimeProvider time, int? year, string? county) =>
        {
            var y = year ?? SwedishTimeZone.Today(time.GetUtcNow()).Year;
            if (y is < PlanOverview.MinYear or > PlanOverview.MaxYear) return YearError();
            if (county is not null && !await db.Counties.AnyAsync(c => c.Code == county))
                return TypedResults.NotFound(new ApiError($"Länet {county} finns inte. Ange en länskod med två siffror, till exempel 19."));
            var register = await PlanOverview.LoadAsync(db, county);
            var s = PlanOverview.For(register, y, county);
            return TypedResults.Ok(new PlanOverviewDto(y, county, s.Total, s.Current, s.CurrentPercent, s.Known,
                [.. s.Counts.Select(c => new PlanStatusCountDto(c.Status.ToString(), c.Label, c.Count, c.Percent))],
                [.. s.LosingCurrent.Select(r => r.Municipality.Code)], [.. s.LackingInForce.Select(r => r.Municipality.Code)],
                [.. PlanOverview.Series(register, y - 9, y).Select(p => new PlanSeriesPointDto(p.Year, p.Current, p.Total, p.Percent))],
                [.. s.Rows.Select(r => new PlanStatusRowDto(r.Municipality.Code, r.Municipality.Name, r.Municipality.CountyCode, r.Status.ToString(),
                    PlanRules.Label(r.Status), r.Current, r.GrantEligible, r.LosesCurrentNextYear, r.LacksInForceNextYear, r.LatestEnd, r.PlanCount))]));
        });
    }

    private static BadRequest<ApiError> YearError()
    {
        var message = $"Ange ett år mellan {PlanOverview.MinYear} och {PlanOverview.MaxYear}.";
        return TypedResults.BadRequest(new ApiError(message, new Dictionary<string, string[]> { ["year"] = [message] }));
    }
}
