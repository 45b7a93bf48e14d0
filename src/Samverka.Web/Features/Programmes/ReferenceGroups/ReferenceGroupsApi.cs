using Microsoft.AspNetCore.Http.HttpResults;
using Samverka.Web.Data;
using Samverka.Web.Features.Directory;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Programmes.ReferenceGroups;

/// <param name="SizeClass">By SCB's 2024 population: "under 15 000 invånare" … "över 100 000 invånare".</param>
/// <param name="Quadrant">The part of the region around its centre: nordväst, nordost, sydväst or sydost.</param>
public record ReferenceGroupMemberDto(int Id, string? MunicipalityCode, string? MunicipalityName, int? Population, string? SizeClass,
    string? Quadrant, int? LibraryId, string? LibraryName, string? RepresentativeName, string? ExternalName);
public record ReferenceGroupDto(int Year, IReadOnlyList<ReferenceGroupMemberDto> Members);
/// <param name="PerYear">Municipal members in the class or quadrant, per group year.</param>
public record SpreadRowDto(string Label, int RegionCount, IReadOnlyDictionary<int, int> PerYear);
public record ReferenceGroupsDto(int ProgrammeId, int PopulationYear, IReadOnlyList<ReferenceGroupDto> Groups, IReadOnlyList<SpreadRowDto> Spread);
public record MunicipalityRefDto(string Code, string Name);
/// <param name="OfferingId">Null for the whole programme and for the reference groups.</param>
public record CoverageLineDto(string Label, int? OfferingId, int Reached, int Total, string Text, IReadOnlyList<MunicipalityRefDto> NotReached);
/// <param name="GoalMet">Whether every municipality of the region was reached; null when the programme has no such goal.</param>
public record CoverageDto(int ProgrammeId, int FirstYear, int LastYear, bool? GoalMet, CoverageLineDto Programme,
    IReadOnlyList<CoverageLineDto> Offerings, CoverageLineDto ReferenceGroups, string? DataNote);

/// <summary>Reference groups (with their spread) and coverage of a programme as JSON; public like their pages.</summary>
public static class ReferenceGroupsApi
{
    public static void MapReferenceGroupsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/programmes").WithTags("Satsningar");

        api.MapGet("/{id:int}/reference-groups", async Task<Results<Ok<ReferenceGroupsDto>, NotFound<ApiError>>> (int id, AppDbContext db) =>
        {
            if (await ProgrammeFacts.LoadAsync(db, id) is not { } facts) return TypedResults.NotFound(new ApiError($"Satsningen {id} finns inte."));
            var year = ReferenceGroupSpread.DefaultPopulationYear;
            var placed = ReferenceGroupSpread.Place(facts.Region, year);
            var byCode = placed.ToDictionary(p => p.Municipality.Code);
            var groups = facts.Programme.ReferenceGroups.OrderBy(g => g.Year).Select(g => new ReferenceGroupDto(g.Year,
                g.Members.OrderBy(m => m.MunicipalityCode is null).ThenBy(m => m.MunicipalityCode).ThenBy(m => m.ExternalName).Select(m =>
                {
                    var p = m.MunicipalityCode is { } c ? byCode.GetValueOrDefault(c) : null;
                    return new ReferenceGroupMemberDto(m.Id, m.MunicipalityCode, p?.Municipality.Name, p?.Population,
                        p is null ? null : ReferenceGroupSpread.Label(p.Size), p is null ? null : MunicipalityGeography.Label(p.Quadrant),
                        m.LibraryId, m.Library?.Name, m.RepresentativeName, m.ExternalName);
                }).ToList())).ToList();
            var spread = ReferenceGroupSpread.Table(placed, facts.MunicipalMembersByYear)
                .Select(r => new SpreadRowDto(r.Label, r.RegionCount, r.PerYear)).ToList();
            return TypedResults.Ok(new ReferenceGroupsDto(id, year, groups, spread));
        });

        api.MapGet("/{id:int}/coverage", async Task<Results<Ok<CoverageDto>, NotFound<ApiError>>> (int id, AppDbContext db) =>
        {
            if (await ProgrammeFacts.LoadAsync(db, id) is not { } facts) return TypedResults.NotFound(new ApiError($"Satsningen {id} finns inte."));
            var r = Coverage.Compute(facts);
            return TypedResults.Ok(new CoverageDto(id, facts.FirstYear, facts.LastYear, r.GoalMet, Line(r.Programme),
                r.Offerings.Select(Line).ToList(), Line(r.ReferenceGroups), facts.Programme.DataNote));
        });
    }

    private static CoverageLineDto Line(CoverageLine l) => new(l.Label, l.OfferingId, l.Reached.Count, l.Total, l.Text,
        l.NotReached.Select(m => new MunicipalityRefDto(m.Code, m.Name)).ToList());
}
