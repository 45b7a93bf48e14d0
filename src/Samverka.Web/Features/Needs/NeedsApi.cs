using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Needs;

/// <param name="Source">Library, BibblanSvarar, Digiteket, ReferenceGroup, SelfAssessment, EnvironmentalScan or AgreementArea.</param>
/// <param name="CountyCode">Null for a national need.</param>
/// <param name="MergedIntoId">Set when the need was merged into another as a duplicate.</param>
public record NeedDto(int Id, string Title, string? Description, string? Theme, string? AffectedGroups, string Source, string? SourceDetail,
    string? Evidence, string? CountyCode, int Supporters, int? MergedIntoId, IReadOnlyList<NeedAnswerDto> Answers);
/// <param name="Kind">Activity, Offering, Agreement or PlanAction.</param>
/// <param name="Met">Whether the outcome met the need; null when not judged.</param>
public record NeedAnswerDto(string Kind, int Id, string Title, bool? Met);
public record PriorityResultRowDto(int NeedId, string Title, int Points, int Voters, int? Rank, bool IsPriority);
public record PriorityResultDto(int Id, string Title, string? Period, IReadOnlyList<string> CountyCodes, bool Closed, int TopCount,
    string? ResultNote, IReadOnlyList<PriorityResultRowDto> Needs);

/// <summary>Needs and priority results for signed-in users, within what they may see (national needs and their regions').</summary>
public static class NeedsApi
{
    public static void MapNeedsApi(this IEndpointRouteBuilder app)
    {
        var needs = app.MapGroup("/api/v1/needs").WithTags("Behov").RequireAuthorization();
        needs.MapGet("", async (AppDbContext db, CurrentUser user) =>
        {
            var visible = await NeedRules.VisibleNeedsAsync(db, user.Scope);
            var list = await LoadAsync(db, visible.Where(n => n.MergedIntoId == null).OrderBy(n => n.Id));
            return TypedResults.Ok(list);
        });
        needs.MapGet("/{id:int}", async Task<Results<Ok<NeedDto>, NotFound<ApiError>>> (int id, AppDbContext db, CurrentUser user) =>
        {
            var visible = await NeedRules.VisibleNeedsAsync(db, user.Scope);
            var need = (await LoadAsync(db, visible.Where(n => n.Id == id))).FirstOrDefault();
            return need is null ? TypedResults.NotFound(new ApiError($"Behovet {id} finns inte, eller så får du inte se det.")) : TypedResults.Ok(need);
        });

        var rounds = app.MapGroup("/api/v1/priority-rounds").WithTags("Behov").RequireAuthorization();
        rounds.MapGet("/{id:int}/results", async Task<Results<Ok<PriorityResultDto>, NotFound<ApiError>>> (int id, AppDbContext db, CurrentUser user) =>
        {
            var round = await db.PriorityRounds.AsNoTracking().Include(r => r.Regions).FirstOrDefaultAsync(r => r.Id == id);
            var regions = round?.Regions.Select(r => r.CountyCode).Order(StringComparer.Ordinal).ToList() ?? [];
            // An open round's standing is for its coordinators only, as on the page.
            if (round is null || !await NeedRules.CanSeeRoundAsync(db, user.Scope, regions)
                || (round.ClosedAt is null && !NeedRules.CanManageRound(user.Scope, regions)))
                return TypedResults.NotFound(new ApiError($"Det finns inget resultat för omgång {id} som du får se."));
            var result = await NeedRules.ResultAsync(db, id);
            return TypedResults.Ok(new PriorityResultDto(round.Id, round.Title, round.Period, regions, round.ClosedAt is not null, round.TopCount, round.ResultNote,
                [.. result.Select(r => new PriorityResultRowDto(r.NeedId, r.Title, r.Points, r.Voters, r.Rank, r.IsPriority))]));
        });
    }

    private static async Task<List<NeedDto>> LoadAsync(AppDbContext db, IQueryable<Need> q)
    {
        var needs = await q.AsNoTracking().AsSplitQuery().Include(n => n.Theme).Include(n => n.Supporters).ToListAsync();
        var answers = await NeedAnswers.ForNeedsAsync(db, needs.Select(n => n.Id).ToList());
        return [.. needs.Select(n => new NeedDto(n.Id, n.Title, n.Description, n.Theme?.Name, n.AffectedGroups, n.Source.ToString(), n.SourceDetail, n.Evidence,
            n.CountyCode, n.Supporters.Count, n.MergedIntoId,
            [.. answers.GetValueOrDefault(n.Id, []).Select(a => new NeedAnswerDto(ApiKind(a.Kind), a.Id, a.Title, a.Met))]))];
    }

    private static string ApiKind(string kind) => kind switch
    {
        NeedAnswers.Activity => "Activity",
        NeedAnswers.Offering => "Offering",
        NeedAnswers.Agreement => "Agreement",
        _ => "PlanAction",
    };
}
