using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Catalog;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Api;

/// <summary>Write endpoints for libraries. Input is a hand-written DTO; entities are never bound from a body.</summary>
public static class LibraryWrites
{
    public static async Task<Results<Created<LibraryDto>, BadRequest<ApiError>>> CreateAsync(
        LibraryInput input, AppDbContext db, IOutputCacheStore cache, CancellationToken ct)
    {
        var errors = await LibraryRules.ValidateAsync(db, input, null, ct);
        if (errors.Count > 0) return TypedResults.BadRequest(Invalid(errors));
        var now = DateTimeOffset.UtcNow;
        var library = new Library { Name = "", MunicipalityCode = "", CreatedAt = now, UpdatedAt = now };
        LibraryValidation.Apply(input, library);
        db.Libraries.Add(library);
        await db.SaveChangesAsync(ct);
        await cache.EvictByTagAsync(CachePolicies.Directory, ct);
        var dto = await db.Libraries.AsNoTracking().Where(l => l.Id == library.Id).Select(DirectoryApi.ToLibraryDto).FirstAsync(ct);
        return TypedResults.Created($"/api/v1/libraries/{library.Id}", dto);
    }

    public static async Task<Results<Ok<LibraryDto>, NotFound<ApiError>, BadRequest<ApiError>>> UpdateAsync(
        int id, LibraryInput input, AppDbContext db, IOutputCacheStore cache, CancellationToken ct)
    {
        var library = await db.Libraries.FindAsync([id], ct);
        if (library is null) return TypedResults.NotFound(new ApiError($"Biblioteket {id} finns inte."));
        var errors = await LibraryRules.ValidateAsync(db, input, id, ct);
        if (errors.Count > 0) return TypedResults.BadRequest(Invalid(errors));
        LibraryValidation.Apply(input, library);
        library.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(ct);
        await cache.EvictByTagAsync(CachePolicies.Directory, ct);
        return TypedResults.Ok(await db.Libraries.AsNoTracking().Where(l => l.Id == id).Select(DirectoryApi.ToLibraryDto).FirstAsync(ct));
    }

    /// <summary>Deactivates rather than deletes: the library stays in history and in old reports.</summary>
    public static async Task<Results<NoContent, NotFound<ApiError>>> DeactivateAsync(
        int id, AppDbContext db, IOutputCacheStore cache, CancellationToken ct)
    {
        var library = await db.Libraries.FindAsync([id], ct);
        if (library is null) return TypedResults.NotFound(new ApiError($"Biblioteket {id} finns inte."));
        library.IsActive = false;
        library.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(ct);
        await cache.EvictByTagAsync(CachePolicies.Directory, ct);
        return TypedResults.NoContent();
    }

    private static ApiError Invalid(Dictionary<string, string> errors) =>
        new("Uppgifterna innehåller fel.", errors.ToDictionary(e => char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value }));
}
