using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.Libraries;

/// <summary>Write endpoints for libraries. Input is a hand-written DTO; entities are never bound from a body.</summary>
public static class LibraryWrites
{
    public static async Task<Results<Created<LibraryDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> CreateAsync(
        LibraryInput input, CurrentUser user, AppDbContext db, IOutputCacheStore cache, CancellationToken ct)
    {
        var errors = await LibraryRules.ValidateAsync(db, input, null, ct);
        if (errors.Count > 0) return TypedResults.BadRequest(Invalid(errors));
        if (!await DirectoryAccess.CanEditInMunicipalityAsync(db, user.Scope, input.MunicipalityCode, ct))
            return Forbidden(DirectoryAccess.LibraryDenied(input.MunicipalityCode!.Trim()));
        var now = DateTimeOffset.UtcNow;
        var library = new Library { Name = "", MunicipalityCode = "", CreatedAt = now, UpdatedAt = now };
        LibraryValidation.Apply(input, library);
        db.Libraries.Add(library);
        // Someone may have taken the name since the check: the same 400 as the check gives.
        if (await LibrarySaving.TrySaveAsync(db, library.Name, ct) is { } taken) return TypedResults.BadRequest(Invalid(taken));
        await cache.EvictByTagAsync(CachePolicies.Directory, ct);
        var dto = await db.Libraries.AsNoTracking().Where(l => l.Id == library.Id).Select(DirectoryApi.ToLibraryDto).FirstAsync(ct);
        return TypedResults.Created($"/api/v1/libraries/{library.Id}", dto);
    }

    public static async Task<Results<Ok<LibraryDto>, NotFound<ApiError>, BadRequest<ApiError>, Conflict<ApiConflict>, JsonHttpResult<ApiError>>> UpdateAsync(
        int id, LibraryInput input, HttpRequest request, CurrentUser user, AppDbContext db, IOutputCacheStore cache, CancellationToken ct)
    {
        var library = await db.Libraries.FindAsync([id], ct);
        if (library is null) return NotFound(id);
        if (!await DirectoryAccess.CanEditLibraryAsync(db, user.Scope, id, ct)) return Forbidden(DirectoryAccess.LibraryDenied(library.MunicipalityCode));
        var errors = await LibraryRules.ValidateAsync(db, input, id, ct);
        if (errors.Count > 0) return TypedResults.BadRequest(Invalid(errors));
        // Moving a library to another municipality is a write there too.
        if (!await DirectoryAccess.CanEditInMunicipalityAsync(db, user.Scope, input.MunicipalityCode, ct))
            return Forbidden(DirectoryAccess.LibraryDenied(input.MunicipalityCode!.Trim()));
        OptimisticConcurrency.Expect(db, library, input.Version ?? OptimisticConcurrency.ParseIfMatch(request.Headers.IfMatch));
        LibraryValidation.Apply(input, library);
        library.UpdatedAt = DateTimeOffset.UtcNow;
        var save = await OptimisticConcurrency.SaveAsync(db, () => LibrarySaving.TrySaveAsync(db, library.Name, ct));
        if (save.Stale) return await StaleAsync(db, id, ct) is { } stale ? TypedResults.Conflict(stale) : NotFound(id);
        if (save.Value is { } taken) return TypedResults.BadRequest(Invalid(taken));
        await cache.EvictByTagAsync(CachePolicies.Directory, ct);
        return TypedResults.Ok(await db.Libraries.AsNoTracking().Where(l => l.Id == id).Select(DirectoryApi.ToLibraryDto).FirstAsync(ct));
    }

    /// <summary>Deactivates rather than deletes: the library stays in history and in old reports.</summary>
    public static async Task<Results<NoContent, NotFound<ApiError>, Conflict<ApiConflict>, JsonHttpResult<ApiError>>> DeactivateAsync(
        int id, HttpRequest request, CurrentUser user, AppDbContext db, IOutputCacheStore cache, CancellationToken ct)
    {
        var library = await db.Libraries.FindAsync([id], ct);
        if (library is null) return NotFound(id);
        if (!await DirectoryAccess.CanEditLibraryAsync(db, user.Scope, id, ct)) return Forbidden(DirectoryAccess.LibraryDenied(library.MunicipalityCode));
        OptimisticConcurrency.Expect(db, library, OptimisticConcurrency.ParseIfMatch(request.Headers.IfMatch));
        library.IsActive = false;
        library.UpdatedAt = DateTimeOffset.UtcNow;
        if (!await OptimisticConcurrency.TrySaveAsync(db, ct)) return await StaleAsync(db, id, ct) is { } stale ? TypedResults.Conflict(stale) : NotFound(id);
        await cache.EvictByTagAsync(CachePolicies.Directory, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The stored library to compare with after a refused stale save; null when it was deleted meanwhile (then 404).</summary>
    private static async Task<ApiConflict?> StaleAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var current = await db.Libraries.AsNoTracking().Where(l => l.Id == id).Select(DirectoryApi.ToLibraryDto).FirstOrDefaultAsync(ct);
        return current is null ? null : new($"Någon annan har ändrat {current.Name} sedan du hämtade det (version {current.Version}). " +
            "Ingenting ändrades. Jämför med de aktuella uppgifterna i current och skicka igen med den nya versionen.", current);
    }

    private static NotFound<ApiError> NotFound(int id) => TypedResults.NotFound(new ApiError($"Biblioteket {id} finns inte."));

    /// <summary>403 with a Swedish explanation: libraries are public, so saying which municipality reveals nothing.</summary>
    private static JsonHttpResult<ApiError> Forbidden(string message) =>
        TypedResults.Json(new ApiError(message), statusCode: StatusCodes.Status403Forbidden);

    private static ApiError Invalid(Dictionary<string, string> errors) =>
        new("Uppgifterna innehåller fel.", errors.ToDictionary(e => char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value }));
}
