using Microsoft.AspNetCore.Http.HttpResults;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Engagement;

/// <param name="OfferingIds">Offerings taken during the period (at least one enrolment).</param>
/// <param name="ReferenceGroupYears">Years the municipality sat in the reference group.</param>
/// <param name="Value">Offerings taken plus one for the reference group: 0..Max.</param>
/// <param name="Participants">Confirmed participants from the municipality's libraries in competence development during the period.</param>
/// <param name="StaffPersons">Staff of the municipality's libraries (KB's library statistics), null where KB has no figure ("uppgift saknas").</param>
/// <param name="StaffYears">The measurement year(s) of that figure, e.g. "2019" or "2019–2022".</param>
/// <param name="ParticipantsPer100Staff">Participants per 100 staff, one decimal; null without a staff figure.</param>
public record EngagementRowDto(string MunicipalityCode, string MunicipalityName, int Population, IReadOnlyList<int> OfferingIds,
    IReadOnlyList<int> ReferenceGroupYears, int Value, int Participants, decimal? StaffPersons, string? StaffYears, decimal? ParticipantsPer100Staff);
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
            var rates = await Activities.ParticipationRates.ForPeriodAsync(db, s.FromYear, s.ToYear, ct);
            return TypedResults.Ok(new EngagementDto(s.ProgrammeId, s.ProgrammeName, s.FromYear, s.ToYear, s.Max, s.Engaged, s.Rows.Count, s.DataNote,
                [.. s.Offerings.Select(o => new EngagementOfferingDto(o.Id, o.Name))],
                [.. s.Rows.Select(r =>
                {
                    var rate = rates.Municipality(r.Municipality.Code);
                    return new EngagementRowDto(r.Municipality.Code, r.Municipality.Name, r.Municipality.Population, [.. r.OfferingsTaken.Order()],
                        r.ReferenceGroupYears, r.Value, rate.Participants, rate.Staff?.Persons, rate.Staff?.Years, rate.Per100);
                })]));
        }).WithTags("Satsningar").CacheOutput(CachePolicies.Directory);
    }
}
