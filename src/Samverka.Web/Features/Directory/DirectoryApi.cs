using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory.Libraries;

namespace Samverka.Web.Features.Directory;

public record CountyDto(string Code, string Name, string RegionalBody, int MunicipalityCount, int Population, int PopulationYear, int Population2019);
public record MunicipalityDto(string Code, string Name, string CountyCode, string CountyName, int Population, int PopulationYear, int Population2019);
/// <param name="Version">Changes with every save. Send it back (field <c>version</c> or header <c>If-Match</c>) with
/// PUT or DELETE: if someone else has saved since, the answer is 409 with the current values and nothing is changed.</param>
public record LibraryDto(int Id, string Name, string Kind, string MunicipalityCode, string MunicipalityName,
    string? StreetAddress, string? PostalCode, string? City, string? Email, string? Website, bool IsActive, uint Version, string? Sigel);
/// <param name="Version">PUT only, optional: the <c>version</c> of the library as last read (or send it as <c>If-Match</c>).
/// A stale version gives 409 Conflict and changes nothing. Ignored by POST and by the CSV import.</param>
/// <param name="Sigel">KB's library code, optional and unique. Left out (null), a stored sigel stays as it is; "" removes it.</param>
public record LibraryInput(string? Name, string? Kind, string? MunicipalityCode, string? StreetAddress,
    string? PostalCode, string? City, string? Email, string? Website, uint? Version = null, string? Sigel = null);

/// <summary>The directory as JSON: anonymous reads, writes for directory editors only.</summary>
public static class DirectoryApi
{
    public static void MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Katalog");
        var reads = api.MapGroup("").CacheOutput(CachePolicies.Directory);

        reads.MapGet("/counties", async (AppDbContext db) => TypedResults.Ok(await db.Counties.AsNoTracking()
            .OrderBy(c => c.Code)
            .Select(c => new CountyDto(c.Code, c.Name, c.RegionalBody, c.Municipalities.Count, c.Population, c.PopulationYear, c.Population2019))
            .ToListAsync()));

        reads.MapGet("/counties/{code}", async Task<Results<Ok<CountyDto>, NotFound<ApiError>>> (string code, AppDbContext db) =>
        {
            var c = await db.Counties.AsNoTracking().Where(c => c.Code == code)
                .Select(c => new CountyDto(c.Code, c.Name, c.RegionalBody, c.Municipalities.Count, c.Population, c.PopulationYear, c.Population2019))
                .FirstOrDefaultAsync();
            return c is null ? TypedResults.NotFound(new ApiError($"Länet {code} finns inte.")) : TypedResults.Ok(c);
        });

        reads.MapGet("/municipalities", async (string? county, string? q, AppDbContext db) =>
        {
            var query = DirectorySearch.Municipalities(db.Municipalities.AsNoTracking(), q);
            if (!string.IsNullOrEmpty(county)) query = query.Where(m => m.CountyCode == county);
            return TypedResults.Ok(await query.OrderBy(m => m.Name).Select(ToDto).ToListAsync());
        });

        reads.MapGet("/municipalities/{code}", async Task<Results<Ok<MunicipalityDto>, NotFound<ApiError>>> (string code, AppDbContext db) =>
        {
            var m = await db.Municipalities.AsNoTracking().Where(m => m.Code == code).Select(ToDto).FirstOrDefaultAsync();
            return m is null ? TypedResults.NotFound(new ApiError($"Kommunen {code} finns inte.")) : TypedResults.Ok(m);
        });

        reads.MapGet("/libraries", async (string? municipality, string? q, string? sigel, bool? includeInactive, AppDbContext db) =>
        {
            var query = DirectorySearch.Libraries(db.Libraries.AsNoTracking(), q);
            if (includeInactive != true) query = query.Where(l => l.IsActive);
            if (!string.IsNullOrEmpty(municipality)) query = query.Where(l => l.MunicipalityCode == municipality);
            if (!string.IsNullOrWhiteSpace(sigel)) query = query.Where(l => l.Sigel == sigel.Trim());
            return TypedResults.Ok(await query.OrderBy(l => l.Name).Select(ToLibraryDto).ToListAsync());
        });

        reads.MapGet("/libraries/{id:int}", async Task<Results<Ok<LibraryDto>, NotFound<ApiError>>> (int id, AppDbContext db) =>
        {
            var l = await db.Libraries.AsNoTracking().Where(l => l.Id == id).Select(ToLibraryDto).FirstOrDefaultAsync();
            return l is null ? TypedResults.NotFound(new ApiError($"Biblioteket {id} finns inte.")) : TypedResults.Ok(l);
        });

        var writes = api.MapGroup("/libraries").RequireAuthorization(Policies.DirectoryEditor).DisableAntiforgery();
        writes.MapPost("", LibraryWrites.CreateAsync);
        writes.MapPut("/{id:int}", LibraryWrites.UpdateAsync);
        writes.MapDelete("/{id:int}", LibraryWrites.DeactivateAsync);
    }

    internal static readonly System.Linq.Expressions.Expression<Func<Municipality, MunicipalityDto>> ToDto = m =>
        new MunicipalityDto(m.Code, m.Name, m.CountyCode, m.County!.Name, m.Population, m.PopulationYear, m.Population2019);

    internal static readonly System.Linq.Expressions.Expression<Func<Library, LibraryDto>> ToLibraryDto = l =>
        new LibraryDto(l.Id, l.Name, l.Kind.ToString(), l.MunicipalityCode, l.Municipality!.Name,
            l.StreetAddress, l.PostalCode, l.City, l.Email, l.Website, l.IsActive, l.Version, l.Sigel);
}


/// <summary>409: someone else saved the library after the version the client sent; <paramref name="Current"/> is what is stored now.</summary>
public record ApiConflict(string Message, LibraryDto Current) : ApiError(Message);
