using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Activities;

/// <param name="Start">Local Stockholm time as an instant with its offset.</param>
public record ActivitySessionDto(int Id, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, DateTimeOffset Start, DateTimeOffset End);
public record ActivitySummaryDto(int Id, Guid Uid, string Title, string Kind, string Status, string CountyCode, DateOnly FirstDate,
    int Capacity, int Confirmed, int Waiting, IReadOnlyList<string> Themes);
public record ActivityDto(int Id, Guid Uid, string Title, string Kind, string Status, string? Description, string? TargetGroup, string CountyCode,
    int? OrganiserLibraryId, string? OrganiserLibraryName, IReadOnlyList<string> CoOrganisers, bool RegionFunded, bool OpenToOtherLibraries,
    string? Place, bool Online, int Capacity, int Confirmed, int Waiting, DateTimeOffset? RegistrationOpensAt, DateTimeOffset? RegistrationClosesAt,
    int? ProgrammeId, string? DevelopmentArea, string? CancellationReason, IReadOnlyList<string> Themes, IReadOnlyList<ActivitySessionDto> Sessions);
/// <param name="WaitingPosition">1 for the first on the waiting list; null when confirmed or cancelled.</param>
public record RegistrationDto(int Id, int ActivityId, int PersonId, string PersonName, string LibraryName, string Status, int? WaitingPosition, DateTimeOffset CreatedAt);
/// <param name="PersonId">Who to register; leave out to register yourself.</param>
public record RegistrationInput(int? PersonId);

/// <summary>Activities with sessions (public), and registrations: one's own and one's staff's (signed in).</summary>
public static class ActivitiesApi
{
    public static void MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/activities").WithTags("Aktiviteter");

        api.MapGet("", async (AppDbContext db, TimeProvider time, string? county, int? theme, bool? past) =>
        {
            var today = SwedishTimeZone.Today(time.GetUtcNow());
            var q = db.Activities.AsNoTracking().Where(a => a.Status != ActivityStatus.Draft && a.Sessions.Any());
            if (past != true) q = q.Where(a => a.Sessions.Any(s => s.Date >= today));
            if (!string.IsNullOrWhiteSpace(county)) q = q.Where(a => a.CountyCode == county);
            if (theme is int t) q = q.Where(a => a.Themes.Any(x => x.ThemeId == t));
            var rows = await q.OrderBy(a => a.Sessions.Min(s => s.Date)).ThenBy(a => a.Id).Take(500)
                .Select(a => new ActivitySummaryDto(a.Id, a.Uid, a.Title, a.Kind.ToString(), a.Status.ToString(), a.CountyCode, a.Sessions.Min(s => s.Date), a.Capacity,
                    db.ActivityRegistrations.Count(r => r.ActivityId == a.Id && r.Status == RegistrationStatus.Confirmed),
                    db.ActivityRegistrations.Count(r => r.ActivityId == a.Id && r.Status == RegistrationStatus.Waiting),
                    a.Themes.OrderBy(x => x.Theme!.SortOrder).Select(x => x.Theme!.Name).ToList()))
                .ToListAsync();
            return TypedResults.Ok(rows);
        });

        api.MapGet("/{id:int}", async Task<Results<Ok<ActivityDto>, NotFound<ApiError>>> (int id, AppDbContext db, CurrentUser user) =>
        {
            var a = await ActivityRules.LoadAsync(db, user.Scope, id);
            if (a is null) return NotFoundActivity(id);
            var seats = await Seats.CountAsync(db, id);
            return TypedResults.Ok(new ActivityDto(a.Id, a.Uid, a.Title, a.Kind.ToString(), a.Status.ToString(), a.Description, a.TargetGroup, a.CountyCode,
                a.OrganiserLibraryId, a.OrganiserLibrary?.Name,
                a.CoOrganisers.Select(o => o.Library?.Name ?? o.County?.RegionalBody ?? o.PartnerName ?? "").ToList(), a.RegionFunded, a.OpenToOtherLibraries,
                a.Place, a.OnlineUrl is not null, a.Capacity,
                seats.Confirmed, seats.Waiting,
                a.RegistrationOpensAt, a.RegistrationClosesAt, a.ProgrammeId, a.DevelopmentArea, a.CancellationReason,
                a.Themes.OrderBy(t => t.Theme!.SortOrder).Select(t => t.Theme!.Name).ToList(),
                a.Sessions.OrderBy(s => s.Date).ThenBy(s => s.StartTime).Select(s => new ActivitySessionDto(s.Id, s.Date, s.StartTime, s.EndTime,
                    SwedishTimeZone.Instant(s.Date, s.StartTime), SwedishTimeZone.Instant(s.Date, s.EndTime))).ToList()));
        });

        api.MapGet("/{id:int}/registrations", ListRegistrationsAsync).RequireAuthorization();
        api.MapPost("/{id:int}/registrations", RegisterAsync).RequireAuthorization().DisableAntiforgery();
        api.MapDelete("/{id:int}/registrations/{registrationId:int}", CancelAsync).RequireAuthorization();
    }

    /// <summary>Own registrations, a manager's staff's, and (for the organiser) all.</summary>
    private static async Task<Results<Ok<List<RegistrationDto>>, NotFound<ApiError>>> ListRegistrationsAsync(int id, AppDbContext db, CurrentUser user)
    {
        var a = await ActivityRules.LoadAsync(db, user.Scope, id);
        if (a is null) return NotFoundActivity(id);
        var all = ActivityRules.CanManage(user.Scope, a);
        var self = await ActivityRules.SelfAsync(db, user.Scope);
        var selfId = self?.Id ?? 0;
        var municipalities = user.Scope.Municipalities.ToArray();
        var rows = await db.ActivityRegistrations.AsNoTracking().IgnoreQueryFilters()
            .Where(r => r.ActivityId == id && r.Status != RegistrationStatus.Cancelled)
            .Where(r => all || r.PersonId == selfId || municipalities.Contains(r.Person!.Library!.MunicipalityCode))
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.PersonId, r.Person!.Name, Library = r.Person.Library!.Name, r.Status, r.CreatedAt }).ToListAsync();
        var waiting = await Seats.WaitingOrderAsync(db, id);
        return TypedResults.Ok(rows.Select(r => new RegistrationDto(r.Id, id, r.PersonId, r.Name, r.Library, r.Status.ToString(),
            Seats.Position(waiting, r.Id, r.Status), r.CreatedAt)).ToList());
    }

    private static async Task<Results<Created<RegistrationDto>, NotFound<ApiError>, BadRequest<ApiError>, Conflict<ApiError>, ForbidHttpResult>> RegisterAsync(
        int id, RegistrationInput input, AppDbContext db, CurrentUser user, TimeProvider time, HttpContext http)
    {
        // Whether the user may see the activity is part of the registration's own read of it (one query less).
        var person = input.PersonId is int pid
            ? await db.People.AsNoTracking().Include(p => p.Library).FirstOrDefaultAsync(p => p.Id == pid)
            : await ActivityRules.SelfAsync(db, user.Scope);
        // A person the user may not read is answered like one that does not exist, as everywhere in Samverka.
        if (person is null && input.PersonId is int missing) return TypedResults.NotFound(new ApiError($"Personen {missing} finns inte."));
        if (person is null)
        {
            const string message = "Ditt konto är inte kopplat till en person i katalogen. Ange personId.";
            return TypedResults.BadRequest(new ApiError(message, new Dictionary<string, string[]> { ["personId"] = [message] }));
        }
        if (!ActivityRules.CanRegister(user.Scope, person)) return TypedResults.Forbid();
        var result = await Registrations.RegisterAsync(db, id, person, user.Scope.Email, time.GetUtcNow(), PublicUrl.Base(http.Request));
        if (!result.Ok)
            return result.Status switch
            {
                404 => NotFoundActivity(id),
                409 => TypedResults.Conflict(new ApiError(result.Error!)),
                _ => TypedResults.BadRequest(new ApiError(result.Error!)),
            };
        await ActivityStatistics.ChangedAsync(http);
        var r = result.Registration!;
        return TypedResults.Created($"/api/v1/activities/{id}/registrations/{r.Id}",
            new RegistrationDto(r.Id, id, person.Id, person.Name, person.Library!.Name, r.Status.ToString(), result.WaitingPosition, r.CreatedAt));
    }

    private static async Task<Results<NoContent, NotFound<ApiError>, BadRequest<ApiError>, Conflict<ApiError>, ForbidHttpResult>> CancelAsync(
        int id, int registrationId, AppDbContext db, CurrentUser user, TimeProvider time, HttpContext http)
    {
        var a = await ActivityRules.LoadAsync(db, user.Scope, id);
        if (a is null) return NotFoundActivity(id);
        var r = await db.ActivityRegistrations.AsNoTracking().IgnoreQueryFilters().Include(x => x.Person).ThenInclude(p => p!.Library)
            .FirstOrDefaultAsync(x => x.Id == registrationId && x.ActivityId == id);
        if (r is null) return TypedResults.NotFound(new ApiError($"Anmälan {registrationId} finns inte för aktiviteten {id}."));
        if (!ActivityRules.CanManage(user.Scope, a) && !ActivityRules.CanRegister(user.Scope, r.Person!)) return TypedResults.Forbid();
        var result = await Registrations.CancelAsync(db, registrationId, time.GetUtcNow(), PublicUrl.Base(http.Request));
        if (!result.Ok)
            return result.Status == 409 ? TypedResults.Conflict(new ApiError(result.Error!)) : TypedResults.BadRequest(new ApiError(result.Error!));
        await ActivityStatistics.ChangedAsync(http);
        return TypedResults.NoContent();
    }

    private static NotFound<ApiError> NotFoundActivity(int id) => TypedResults.NotFound(new ApiError($"Aktiviteten {id} finns inte."));
}
