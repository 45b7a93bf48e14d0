using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Programmes;

public record ProgrammeSummaryDto(int Id, string Name, DateOnly StartDate, DateOnly EndDate, IReadOnlyList<string> RegionCodes);
public record ProgrammeRegionDto(string CountyCode, string CountyName);
public record ProgrammeFundingDto(string Funder, int Year, long AmountSek);
public record ProgrammePartnerDto(int LibraryId, string LibraryName, string MunicipalityCode, string? Themes);
public record EligibilityExceptionDto(string MunicipalityCode, string MunicipalityName, string Reason, DateOnly? DecidedOn);
/// <param name="Rule">The eligibility rule in Swedish words.</param>
/// <param name="MaxPopulation">Null when the offering is open to all municipalities.</param>
/// <param name="PopulationYear">The SCB year the population limit uses (2019 or 2024).</param>
public record OfferingDto(int Id, string Name, string? Description, string Rule, int? MaxPopulation, int? PopulationYear,
    string? CountyCode, IReadOnlyList<EligibilityExceptionDto> Exceptions);
public record ProgrammeDto(int Id, string Name, string? Description, DateOnly StartDate, DateOnly EndDate, string? EffectGoals,
    bool GoalAllMunicipalitiesReached, string? DataNote, IReadOnlyList<ProgrammeRegionDto> Regions,
    IReadOnlyList<ProgrammeFundingDto> Funding, long FundingTotalSek, IReadOnlyList<ProgrammePartnerDto> Partners,
    IReadOnlyList<OfferingDto> Offerings, uint Version);
/// <param name="Status">Eligible, NotEligible or AdmittedByException.</param>
/// <param name="Explanation">Why, in Swedish, e.g. "Kävlinge: 31 705 inv. 2019 &gt; 25 000, antagen som undantag: …".</param>
public record EligibilityDto(string MunicipalityCode, string MunicipalityName, int Population, string Status, string Explanation);
public record EnrolmentDto(int Id, int OfferingId, string OfferingName, string MunicipalityCode, string MunicipalityName, int Year);
/// <param name="Year">A year within the programme's period.</param>
public record EnrolmentInput(int? OfferingId, string? MunicipalityCode, int? Year);

/// <summary>Programmes, offerings, eligibility and enrolments as JSON: public reads; enrolling for editors in scope.</summary>
public static class ProgrammesApi
{
    public static void MapProgrammesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/programmes").WithTags("Satsningar");

        api.MapGet("", async (AppDbContext db) => TypedResults.Ok(await db.Programmes.AsNoTracking()
            .OrderByDescending(p => p.StartDate).ThenBy(p => p.Name)
            .Select(p => new ProgrammeSummaryDto(p.Id, p.Name, p.StartDate, p.EndDate, p.Regions.OrderBy(r => r.CountyCode).Select(r => r.CountyCode).ToList()))
            .ToListAsync()));

        api.MapGet("/{id:int}", async Task<Results<Ok<ProgrammeDto>, NotFound<ApiError>>> (int id, AppDbContext db) =>
        {
            var p = await LoadAsync(db, id);
            if (p is null) return NotFoundProgramme(id);
            var names = await CountyNamesAsync(db);
            return TypedResults.Ok(new ProgrammeDto(p.Id, p.Name, p.Description, p.StartDate, p.EndDate, p.EffectGoals,
                p.GoalAllMunicipalitiesReached, p.DataNote,
                p.Regions.OrderBy(r => r.CountyCode).Select(r => new ProgrammeRegionDto(r.CountyCode, r.County!.Name)).ToList(),
                p.Funding.OrderBy(f => f.Year).ThenBy(f => f.Funder).Select(f => new ProgrammeFundingDto(f.Funder, f.Year, f.AmountSek)).ToList(),
                p.Funding.Sum(f => f.AmountSek),
                p.Partners.OrderBy(x => x.Library!.Name).Select(x => new ProgrammePartnerDto(x.LibraryId, x.Library!.Name, x.Library.MunicipalityCode, x.Themes)).ToList(),
                p.Offerings.OrderBy(o => o.SortOrder).ThenBy(o => o.Name).Select(o => ToDto(o, names)).ToList(),
                p.Version));
        });

        api.MapGet("/{id:int}/offerings", async Task<Results<Ok<List<OfferingDto>>, NotFound<ApiError>>> (int id, AppDbContext db) =>
        {
            if (!await db.Programmes.AnyAsync(p => p.Id == id)) return NotFoundProgramme(id);
            var names = await CountyNamesAsync(db);
            var offerings = await db.Offerings.AsNoTracking().Include(o => o.Exceptions).ThenInclude(e => e.Municipality)
                .Where(o => o.ProgrammeId == id).OrderBy(o => o.SortOrder).ThenBy(o => o.Name).ToListAsync();
            return TypedResults.Ok(offerings.Select(o => ToDto(o, names)).ToList());
        });

        api.MapGet("/{id:int}/offerings/{offeringId:int}/eligibility",
            async Task<Results<Ok<List<EligibilityDto>>, NotFound<ApiError>>> (int id, int offeringId, AppDbContext db) =>
        {
            var found = await Eligibility.ForOfferingAsync(db, id, offeringId);
            if (found is not var (_, outcomes)) return TypedResults.NotFound(new ApiError($"Erbjudandet {offeringId} finns inte i satsningen {id}."));
            return TypedResults.Ok(outcomes.Select(o => new EligibilityDto(o.MunicipalityCode, o.MunicipalityName, o.Population, o.Status.ToString(), o.Explanation)).ToList());
        });

        api.MapGet("/{id:int}/enrolments", async Task<Results<Ok<List<EnrolmentDto>>, NotFound<ApiError>>> (int id, AppDbContext db) =>
        {
            if (!await db.Programmes.AnyAsync(p => p.Id == id)) return NotFoundProgramme(id);
            return TypedResults.Ok(await db.Enrolments.AsNoTracking().Where(e => e.Offering!.ProgrammeId == id)
                .OrderBy(e => e.Year).ThenBy(e => e.Offering!.SortOrder).ThenBy(e => e.Municipality!.Name)
                .Select(e => new EnrolmentDto(e.Id, e.OfferingId, e.Offering!.Name, e.MunicipalityCode, e.Municipality!.Name, e.Year))
                .ToListAsync());
        });

        api.MapPost("/{id:int}/enrolments", EnrolAsync).RequireAuthorization().DisableAntiforgery();
    }

    private static async Task<Results<Created<EnrolmentDto>, NotFound<ApiError>, BadRequest<ApiError>, Conflict<ApiError>, ForbidHttpResult>> EnrolAsync(
        int id, EnrolmentInput input, AppDbContext db, CurrentUser user)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        if (programme is null) return NotFoundProgramme(id);
        // Who may enrol at all is answered before the body is judged: a reader gets 403, not a validation error.
        if (!ProgrammeRules.CanEnrolAny(user.Scope, await ProgrammeRules.RegionCodesAsync(db, id))) return TypedResults.Forbid();
        if (input.OfferingId is not int offeringId || !await db.Offerings.AnyAsync(o => o.Id == offeringId && o.ProgrammeId == id))
            return Invalid("offeringId", "Ange ett erbjudande (offeringId) som hör till satsningen.");
        var result = await ProgrammeRules.EnrolAsync(db, user.Scope, programme, offeringId, input.MunicipalityCode,
            input.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (result.Enrolment is { } e)
        {
            var names = await db.Enrolments.AsNoTracking().Where(x => x.Id == e.Id)
                .Select(x => new EnrolmentDto(x.Id, x.OfferingId, x.Offering!.Name, x.MunicipalityCode, x.Municipality!.Name, x.Year)).FirstAsync();
            return TypedResults.Created($"/api/v1/programmes/{id}/enrolments", names);
        }
        var field = result.Field switch { "MunicipalityCode" => "municipalityCode", "Year" => "year", _ => "" };
        return result.Status switch
        {
            403 => TypedResults.Forbid(),
            404 => TypedResults.NotFound(new ApiError(result.Error!)),
            409 => TypedResults.Conflict(new ApiError(result.Error!)),
            _ => Invalid(field, result.Error!),
        };
    }

    private static BadRequest<ApiError> Invalid(string field, string message) =>
        TypedResults.BadRequest(new ApiError(message, new Dictionary<string, string[]> { [field] = [message] }));

    private static NotFound<ApiError> NotFoundProgramme(int id) => TypedResults.NotFound(new ApiError($"Satsningen {id} finns inte."));

    private static Task<Programme?> LoadAsync(AppDbContext db, int id) => db.Programmes.AsNoTracking().AsSplitQuery()
        .Include(p => p.Regions).ThenInclude(r => r.County)
        .Include(p => p.Funding)
        .Include(p => p.Partners).ThenInclude(x => x.Library)
        .Include(p => p.Offerings).ThenInclude(o => o.Exceptions).ThenInclude(e => e.Municipality)
        .FirstOrDefaultAsync(p => p.Id == id);

    private static Task<Dictionary<string, string>> CountyNamesAsync(AppDbContext db) =>
        db.Counties.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name);

    private static OfferingDto ToDto(Offering o, IReadOnlyDictionary<string, string> countyNames) =>
        new(o.Id, o.Name, o.Description, Eligibility.Describe(o, o.CountyCode is null ? null : countyNames.GetValueOrDefault(o.CountyCode)),
            o.MaxPopulation, o.PopulationYear, o.CountyCode,
            o.Exceptions.OrderBy(e => e.Municipality!.Name).Select(e => new EligibilityExceptionDto(e.MunicipalityCode, e.Municipality!.Name, e.Reason, e.DecidedOn)).ToList());
}
