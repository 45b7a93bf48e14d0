using Microsoft.AspNetCore.Http.HttpResults;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Engagement;

/// <param name="OfferingIds">Offerings taken during the period (at least one enrolment).</param>
/// <param name="ReferenceGroupYears">Years the municipality sat in the reference group.</param>
/// <param name="Value">Offerings taken plus one for the reference group: 0..Max.</param>
public record EngagementRowDto(string MunicipalityCode, string MunicipalityName, int Population, IReadOnlyList<int> OfferingIds,
    IReadOnlyList<int> ReferenceGroupYears, int Value);
public record EngagementOfferingDto(int Id, string Name);
/// <param name="Engaged">Municipalities with a value above 0.</param>
public record EngagementDto(int ProgrammeId, string ProgrammeName, int FromYear, int ToYear, int Max, int Engaged, int Municipalities,
    string? DataNote, IReadOnlyList<EngagementOfferingDto> Offerings, IReadOnlyList<EngagementRowDto> Rows);

/// <summary>The engagement summary per municipality as JSON; public like its page, output-cached like the directory.</summary>
public static class EngagementApi
{
    public static void MapEngagementApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/programmes/{id:int}/engagement", async Task<Results<Ok<EngagementDto>, NotFound<ApiError>>> (int id, AppDbContext db, CancellationToken ct) =>
        {
            if (await EngagementValues.ForProgrammeAsync(db, id, ct) is not { } s)
                return TypedResults.NotFound(new ApiError($"Satsningen {id} finns inte."));
            return TypedResults.Ok(new EngagementDto(s.ProgrammeId, s.ProgrammeName, s.FromYear, s.ToYear, s.Max, s.Engaged, s.Rows.Count, s.DataNote,
                [.. s.Offerings.Select(o => new EngagementOfferingDto(o.Id, o.Name))],
                [.. s.Rows.Select(r => new EngagementRowDto(r.Municipality.Code, r.Municipality.Name, r.Municipality.Population,
                    [.. r.OfferingsTaken.Order()], r.ReferenceGroupYears, r.Value))]));
        }).WithTags("Satsningar").CacheOutput(CachePolicies.Directory);
    }
}
