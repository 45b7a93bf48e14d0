using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// Who may read and change which libraries and people: the first layer of authorisation, checked
/// by every page, import and API endpoint. The second layer (the query filter on people in
/// <see cref="AppDbContext"/> and <see cref="ScopeGuardInterceptor"/>) asks the same questions,
/// so a forgotten check here neither leaks nor writes. Libraries, municipalities and counties are
/// public to read; people are not.
/// </summary>
public static class DirectoryAccess
{
    /// <summary>Administrators everywhere; regional coordinators in their counties; managers in their municipalities.</summary>
    public static bool CanEditLibrary(UserScope s, string municipalityCode, string countyCode) =>
        s.IsSystem || s.IsAdmin || s.Counties.Contains(countyCode) || s.Municipalities.Contains(municipalityCode);

    /// <summary>Whether the user may edit some library at all: decides whether create and import are offered.</summary>
    public static bool CanEditAnything(UserScope s) =>
        s.IsSystem || s.IsAdmin || s.Counties.Count > 0 || s.Municipalities.Count > 0;

    /// <summary>Editing a person is editing within their library's organisation.</summary>
    public static bool CanEditPerson(UserScope s, string municipalityCode, string countyCode) =>
        CanEditLibrary(s, municipalityCode, countyCode);

    /// <summary>
    /// Everyone who may edit a person may read them; administrators and the national coordinator read
    /// everyone; staff read the people of their own libraries and their own record.
    /// </summary>
    public static bool CanReadPerson(UserScope s, string personEmail, int libraryId, string municipalityCode, string countyCode) =>
        s.ReadsEverything || CanEditLibrary(s, municipalityCode, countyCode) || s.Libraries.Contains(libraryId)
        || (s.Email is not null && string.Equals(s.Email, personEmail, StringComparison.OrdinalIgnoreCase));

    /// <summary>Only administrators manage accounts and reference data.</summary>
    public static bool CanAdminister(UserScope s) => s.IsSystem || s.IsAdmin;

    public static IQueryable<Municipality> EditableMunicipalities(IQueryable<Municipality> source, UserScope s)
    {
        if (s.IsSystem || s.IsAdmin) return source;
        var counties = s.Counties.ToArray();
        var municipalities = s.Municipalities.ToArray();
        return source.Where(m => counties.Contains(m.CountyCode) || municipalities.Contains(m.Code));
    }

    public static IQueryable<Library> EditableLibraries(IQueryable<Library> source, UserScope s)
    {
        if (s.IsSystem || s.IsAdmin) return source;
        var counties = s.Counties.ToArray();
        var municipalities = s.Municipalities.ToArray();
        return source.Where(l => counties.Contains(l.Municipality!.CountyCode) || municipalities.Contains(l.MunicipalityCode));
    }

    /// <summary>The same rule as <see cref="CanReadPerson"/>, as a query.</summary>
    public static IQueryable<Person> VisiblePeople(IQueryable<Person> source, UserScope s)
    {
        if (s.ReadsEverything) return source;
        var counties = s.Counties.ToArray();
        var municipalities = s.Municipalities.ToArray();
        var libraries = s.Libraries.ToArray();
        var email = s.Email?.ToLowerInvariant();
        return source.Where(p => counties.Contains(p.Library!.Municipality!.CountyCode) || municipalities.Contains(p.Library!.MunicipalityCode)
            || libraries.Contains(p.LibraryId) || (email != null && p.Email.ToLower() == email));
    }

    /// <summary>The same rule as <see cref="CanEditPerson"/>, as a query.</summary>
    public static IQueryable<Person> EditablePeople(IQueryable<Person> source, UserScope s)
    {
        if (s.IsSystem || s.IsAdmin) return source;
        var counties = s.Counties.ToArray();
        var municipalities = s.Municipalities.ToArray();
        return source.Where(p => counties.Contains(p.Library!.Municipality!.CountyCode) || municipalities.Contains(p.Library!.MunicipalityCode));
    }

    /// <summary>Looks up the county of <paramref name="municipalityCode"/>; false for an unknown municipality.</summary>
    public static async Task<bool> CanEditInMunicipalityAsync(AppDbContext db, UserScope s, string? municipalityCode, CancellationToken ct = default)
    {
        var code = municipalityCode?.Trim() ?? "";
        var county = await db.Municipalities.AsNoTracking().Where(m => m.Code == code).Select(m => m.CountyCode).FirstOrDefaultAsync(ct);
        return county is not null && CanEditLibrary(s, code, county);
    }

    /// <summary>Whether the user may edit the library with this id (false for an unknown id).</summary>
    public static async Task<bool> CanEditLibraryAsync(AppDbContext db, UserScope s, int libraryId, CancellationToken ct = default)
    {
        var l = await db.Libraries.AsNoTracking().Where(l => l.Id == libraryId)
            .Select(l => new { l.MunicipalityCode, l.Municipality!.CountyCode }).FirstOrDefaultAsync(ct);
        return l is not null && CanEditLibrary(s, l.MunicipalityCode, l.CountyCode);
    }

    /// <summary>A Swedish message when the user may not put people in this library; null when they may or it does not exist (validation reports that).</summary>
    public static async Task<string?> PeopleInLibraryDeniedAsync(AppDbContext db, UserScope s, int? libraryId, CancellationToken ct = default)
    {
        if (libraryId is not int id) return null;
        var l = await db.Libraries.AsNoTracking().Where(l => l.Id == id)
            .Select(l => new { l.MunicipalityCode, l.Municipality!.CountyCode }).FirstOrDefaultAsync(ct);
        return l is null || CanEditLibrary(s, l.MunicipalityCode, l.CountyCode) ? null : PersonDenied(l.MunicipalityCode);
    }

    public static string LibraryDenied(string municipalityCode) => $"Du får inte ändra bibliotek i kommun {municipalityCode}.";
    public static string PersonDenied(string municipalityCode) => $"Du får inte ändra personer i kommun {municipalityCode}.";
}
