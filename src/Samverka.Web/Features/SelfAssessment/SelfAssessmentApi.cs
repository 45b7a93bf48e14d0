using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.SelfAssessment;

/// <param name="Responses">Number of responses so far; null when fewer than the minimum group (the exact number could tell who answered).</param>
/// <param name="Suppressed">True when <paramref name="Responses"/> is withheld.</param>
public record AssessmentRoundDto(int Id, string Name, string CountyCode, string CountyName, int InstrumentVersion,
    DateOnly OpensOn, DateOnly ClosesOn, bool Open, int? Responses, bool Suppressed);
/// <param name="Mean">Null when suppressed.</param>
/// <param name="Distribution">Per cent of answers on scale points 1–7; only for the group asked for with ?group=, null when suppressed.</param>
public record AssessmentFigureDto(string Code, string Name, double? Mean, IReadOnlyList<double>? Distribution);
/// <param name="Level">Nation, Region, Municipality, Library, JobTitle or Years.</param>
/// <param name="Respondents">Number of responses; null when the group is suppressed (never the exact count of a hidden group).</param>
/// <param name="Suppressed">True when the group is hidden: fewer than the minimum, or hidden so that a smaller group cannot be derived.</param>
/// <param name="MeanShown">False when the group's means are suppressed (fewer than the minimum, or complementary suppression).</param>
public record AssessmentGroupDto(string Key, string Level, string Label, string? ParentKey, string? CountyCode, string? MunicipalityCode,
    int? LibraryId, string? Breakdown, int? Respondents, bool Suppressed, bool MeanShown, bool DistributionShown,
    IReadOnlyList<AssessmentFigureDto> Areas, IReadOnlyList<AssessmentFigureDto> Competences);
public record AssessmentAggregatesDto(int Year, int MinGroupForMean, int MinGroupForDistribution, string Note, IReadOnlyList<AssessmentGroupDto> Groups);

/// <summary>The self-assessment's rounds and suppressed aggregates, within the caller's scope. No link tokens, no single response.</summary>
public static class SelfAssessmentApi
{
    public static void MapSelfAssessmentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/self-assessment").WithTags("Självskattning").RequireAuthorization();

        api.MapGet("/rounds", async Task<Results<Ok<List<AssessmentRoundDto>>, ForbidHttpResult>> (AppDbContext db, CurrentUser user, TimeProvider time, IOptions<SelfAssessmentOptions> options) =>
        {
            var s = user.Scope;
            if (!Aggregates.MaySeeResults(s)) return TypedResults.Forbid();
            var counties = s.Counties.Concat(s.Municipalities.Select(m => m[..2])).ToArray();
            var everything = s.ReadsEverything;
            var today = SwedishTimeZone.Today(time);
            var rounds = await db.AssessmentRounds.AsNoTracking().Where(r => everything || counties.Contains(r.CountyCode))
                .OrderByDescending(r => r.OpensOn).ThenBy(r => r.Id)
                .Select(r => new { Round = r, County = r.County!.Name, r.Instrument!.VersionNumber, Responses = db.AssessmentResponses.Count(x => x.RoundId == r.Id) })
                .ToListAsync();
            return TypedResults.Ok(rounds.Select(r =>
            {
                var shown = Suppression.ShownCount(r.Responses, options.Value.MinGroupForMean);
                return new AssessmentRoundDto(r.Round.Id, r.Round.Name, r.Round.CountyCode, r.County, r.VersionNumber,
                    r.Round.OpensOn, r.Round.ClosesOn, AssessmentRules.IsOpen(r.Round, today), shown, shown is null);
            }).ToList());
        });

        // Means for every group in scope; distributions (which read every score row) for the one group named by ?group=KEY.
        api.MapGet("/aggregates", async Task<Results<Ok<AssessmentAggregatesDto>, BadRequest<ApiError>, ForbidHttpResult>> (
            int? year, string? group, AppDbContext db, CurrentUser user, IOptions<SelfAssessmentOptions> options) =>
        {
            if (!Aggregates.MaySeeResults(user.Scope)) return TypedResults.Forbid();
            if (year is not (>= 2000 and <= 2100))
                return TypedResults.BadRequest(new ApiError("Ange året som ?year=, till exempel ?year=2020 (mellan 2000 och 2100)."));
            var o = options.Value;
            var rows = Aggregates.Visible(await Aggregates.ForYearAsync(db, year.Value, o, group), user.Scope);
            return TypedResults.Ok(new AssessmentAggregatesDto(year.Value, o.MinGroupForMean, o.MinGroupForDistribution,
                $"Medelvärden visas för grupper med minst {o.MinGroupForMean} svar och fördelningar för minst {o.MinGroupForDistribution}; "
                + "fler grupper döljs så att inget dolt värde kan räknas fram ur de visade. En dold grupp har respondents null och suppressed true: "
                + $"färre än {o.MinGroupForMean} svar, eller dold för att en mindre grupp inte ska kunna räknas fram.",
                rows.Select(ToDto).ToList()));
        });
    }

    private static AssessmentGroupDto ToDto(GroupRow r) => new(r.Key, r.Level.ToString(), r.Label, r.ParentKey, r.CountyCode, r.MunicipalityCode,
        r.LibraryId, r.Breakdown, r.Respondents, r.Suppressed, r.MeanShown, r.DistributionShown,
        DigComp.Areas.Select(a => new AssessmentFigureDto($"A{a.Number}", a.Name, r.Area(a.Number).Mean, r.Area(a.Number).Distribution)).ToList(),
        DigComp.Competences.Select(c => new AssessmentFigureDto(c.Code, c.Name, r.Figures[c.Code].Mean, r.Figures[c.Code].Distribution)).ToList());
}
