using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Agreements;

/// <param name="Status">Draft, Signed, InForce, Ended or Terminated: computed from the dates today.</param>
public record AgreementSummaryDto(int Id, string Title, string? RegistryNumber, string CountyCode, string Status, DateOnly ValidFrom,
    DateOnly ValidTo, int VersionNumber, int? AmendsAgreementId, DateOnly? NextFollowUp, int OverdueFollowUps);
public record AgreementPartyDto(string Name, int? LibraryId, string? MunicipalityCode, string? ContactName, string? ContactEmail,
    string? SignatoryName, string? SignatoryTitle, string? SignedFor);
public record SteeringDocumentDto(string Title, int? FromYear, int? ToYear);
public record CooperationAreaDto(int Id, string Text, IReadOnlyList<string> Needs, IReadOnlyList<string> Themes);
public record AreaProgressDto(int CooperationAreaId, string Progress);
public record FollowUpDto(int Id, DateOnly DueOn, DateOnly? HeldOn, bool Overdue, string? Participants, string? Notes, string? Decisions,
    IReadOnlyList<AreaProgressDto> Progress);
public record ProjectAgreementDto(int Id, string Title, string? Goals, string? Purpose, long? FundingAmountSek, string? FundingSource,
    int? FundingYear, string? Implementation, IReadOnlyList<int> ActivityIds);
public record AgreementDto(int Id, string Title, string? RegistryNumber, string CountyCode, int? ProgrammeId, string Status,
    DateOnly ValidFrom, DateOnly ValidTo, int FollowUpIntervalMonths, string? Purpose, string? Background, string? AreasIntro,
    string? FollowUpText, string? SignedPlace, DateOnly? SignedOn, DateOnly? TerminatedOn, string? TerminationReason,
    int VersionNumber, int? AmendsAgreementId, bool HasSignedPdf, IReadOnlyList<AgreementPartyDto> Parties,
    IReadOnlyList<SteeringDocumentDto> SteeringDocuments, IReadOnlyList<CooperationAreaDto> Areas, IReadOnlyList<FollowUpDto> FollowUps,
    IReadOnlyList<ProjectAgreementDto> ProjectAgreements, uint Version);
/// <summary>The head of a draft. Dates as ÅÅÅÅ-MM-DD; <c>version</c> (or If-Match) from a read refuses a stale save.</summary>
public record AgreementHeadInput(string? Title, string? RegistryNumber, string? ValidFrom, string? ValidTo, int? FollowUpIntervalMonths, uint? Version);

/// <summary>Agreements, their versions and follow-ups as JSON, read within the user's scope; the head of a draft can be changed.</summary>
public static class AgreementsApi
{
    public static void MapAgreementsApi(this IEndpointRouteBuilder app)
    {
        // Never output-cached: every answer depends on who asks.
        var api = app.MapGroup("/api/v1/agreements").WithTags("Överenskommelser").RequireAuthorization();

        api.MapGet("", async (AppDbContext db, CurrentUser user, TimeProvider clock) =>
        {
            var today = SwedishTimeZone.Today(clock);
            var list = await (await AgreementRules.ReadableAsync(db, user.Scope)).AsNoTracking().Include(a => a.FollowUps)
                .OrderBy(a => a.Title).ThenBy(a => a.VersionNumber).ToListAsync();
            return TypedResults.Ok(list.Select(a => Summary(a, today)).ToList());
        });

        api.MapGet("/{id:int}", async Task<Results<Ok<AgreementDto>, NotFound<ApiError>>> (int id, AppDbContext db, CurrentUser user, TimeProvider clock) =>
        {
            var a = await AgreementRules.WithContent(await AgreementRules.ReadableAsync(db, user.Scope)).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
            return a is null ? NotFound(id) : TypedResults.Ok(ToDto(a, SwedishTimeZone.Today(clock)));
        });

        api.MapGet("/{id:int}/versions", async Task<Results<Ok<List<AgreementSummaryDto>>, NotFound<ApiError>>> (int id, AppDbContext db, CurrentUser user, TimeProvider clock) =>
        {
            var readable = await AgreementRules.ReadableAsync(db, user.Scope);
            var a = await readable.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
            if (a is null) return NotFound(id);
            var root = a.AmendsAgreementId ?? a.Id;
            var today = SwedishTimeZone.Today(clock);
            var chain = await readable.AsNoTracking().Include(x => x.FollowUps).Where(x => x.Id == root || x.AmendsAgreementId == root)
                .OrderBy(x => x.VersionNumber).ToListAsync();
            return TypedResults.Ok(chain.Select(x => Summary(x, today)).ToList());
        });

        api.MapGet("/{id:int}/follow-ups", async Task<Results<Ok<List<FollowUpDto>>, NotFound<ApiError>>> (int id, AppDbContext db, CurrentUser user, TimeProvider clock) =>
        {
            var a = await (await AgreementRules.ReadableAsync(db, user.Scope)).AsNoTracking()
                .Include(x => x.FollowUps).ThenInclude(f => f.Progress).FirstOrDefaultAsync(x => x.Id == id);
            if (a is null) return NotFound(id);
            var today = SwedishTimeZone.Today(clock);
            return TypedResults.Ok(a.FollowUps.OrderBy(f => f.DueOn).Select(f => FollowUp(a, f, today)).ToList());
        });

        api.MapPut("/{id:int}", UpdateHeadAsync).DisableAntiforgery();
    }

    private static async Task<Results<Ok<AgreementDto>, NotFound<ApiError>, BadRequest<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> UpdateHeadAsync(
        int id, AgreementHeadInput input, AppDbContext db, CurrentUser user, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        var a = await AgreementRules.WithContent(await AgreementRules.ReadableAsync(db, user.Scope, ct)).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return NotFound(id);
        if (!AgreementRules.CanManage(user.Scope, a.CountyCode))
            return TypedResults.Json(new ApiError("Bara regionens samordnare får ändra överenskommelsen."), statusCode: StatusCodes.Status403Forbidden);
        if (!AgreementRules.IsEditable(a))
            return TypedResults.Conflict(new ApiError(SignedMessage));
        var (head, errors) = await AgreementValidation.ValidateHeadAsync(db, a.CountyCode, a.Id, input.Title, input.RegistryNumber,
            input.ValidFrom, input.ValidTo, input.FollowUpIntervalMonths?.ToString(CultureInfo.InvariantCulture), ct);
        if (head is null)
        {
            var camel = errors.ToDictionary(e => char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value });
            return TypedResults.BadRequest(new ApiError(string.Join(" ", errors.Values), camel));
        }
        OptimisticConcurrency.Expect(db, a, input.Version ?? OptimisticConcurrency.ParseIfMatch(request.Headers.IfMatch));
        AgreementValidation.Apply(head, a, clock.GetUtcNow());
        try
        {
            if (!await OptimisticConcurrency.TrySaveAsync(db, ct))
                return TypedResults.Conflict(new ApiError("Någon annan har ändrat överenskommelsen efter versionen du skickade, så ingenting sparades. Läs den igen och försök på nytt."));
        }
        catch (DbUpdateException e) when (AgreementValidation.IsRegistryNumberConflict(e))
        {
            return TypedResults.Conflict(new ApiError(AgreementValidation.RegistryNumberRace));
        }
        return TypedResults.Ok(ToDto(a, SwedishTimeZone.Today(clock)));
    }

    public const string SignedMessage = "Överenskommelsen är undertecknad och kan inte ändras. Gör en ändring (en ny version) i stället.";

    private static NotFound<ApiError> NotFound(int id) => TypedResults.NotFound(new ApiError($"Överenskommelsen {id} finns inte eller är inte synlig för dig."));

    private static AgreementSummaryDto Summary(Agreement a, DateOnly today) => new(a.Id, a.Title, a.RegistryNumber, a.CountyCode,
        AgreementRules.StatusOn(a, today).ToString(), a.ValidFrom, a.ValidTo, a.VersionNumber, a.AmendsAgreementId,
        AgreementRules.NextFollowUp(a)?.DueOn, a.FollowUps.Count(f => AgreementRules.IsOverdue(a, f, today)));

    private static FollowUpDto FollowUp(Agreement a, AgreementFollowUp f, DateOnly today) => new(f.Id, f.DueOn, f.HeldOn,
        AgreementRules.IsOverdue(a, f, today), f.Participants, f.Notes, f.Decisions,
        f.Progress.Select(p => new AreaProgressDto(p.CooperationAreaId, p.Progress.ToString())).ToList());

    private static AgreementDto ToDto(Agreement a, DateOnly today) => new(a.Id, a.Title, a.RegistryNumber, a.CountyCode, a.ProgrammeId,
        AgreementRules.StatusOn(a, today).ToString(), a.ValidFrom, a.ValidTo, a.FollowUpIntervalMonths, a.Purpose, a.Background,
        a.AreasIntro, a.FollowUpText, a.SignedPlace, a.SignedOn, a.TerminatedOn, a.TerminationReason, a.VersionNumber, a.AmendsAgreementId,
        a.SignedFileId is not null,
        a.Parties.OrderBy(p => p.SortOrder).Select(p => new AgreementPartyDto(p.Name, p.LibraryId, p.MunicipalityCode, p.ContactName,
            p.ContactEmail, p.SignatoryName, p.SignatoryTitle, p.SignedFor)).ToList(),
        a.SteeringDocuments.OrderBy(d => d.SortOrder).Select(d => new SteeringDocumentDto(d.Title, d.FromYear, d.ToYear)).ToList(),
        a.Areas.OrderBy(x => x.SortOrder).Select(x => new CooperationAreaDto(x.Id, x.Text, x.NeedList.ToList(),
            x.Themes.Select(t => t.Theme!.Name).Order().ToList())).ToList(),
        a.FollowUps.OrderBy(f => f.DueOn).Select(f => FollowUp(a, f, today)).ToList(),
        a.ProjectAgreements.OrderBy(p => p.Title).Select(p => new ProjectAgreementDto(p.Id, p.Title, p.Goals, p.Purpose, p.FundingAmountSek,
            p.FundingSource, p.FundingYear, p.Implementation, p.Activities.Select(x => x.ActivityId).Order().ToList())).ToList(),
        a.Version);
}
