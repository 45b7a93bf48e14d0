using Samverka.Web.Data;

using Samverka.Web.Features.Shared;

namespace Samverka.Web.Features.Directory.Libraries;

internal static class LibraryConflict
{
    /// <summary>Both versions, field by field, in the form's words (kind as its label).</summary>
    public static ConflictView Compare(LibraryForm theirs, LibraryForm yours) => new("Biblioteket: sparad version och din version",
    [
        new("Namn", theirs.Name, yours.Name),
        new("Typ av bibliotek", Kind(theirs.Kind), Kind(yours.Kind)),
        new("Kommunkod", theirs.MunicipalityCode, yours.MunicipalityCode),
        new("Gatuadress", theirs.StreetAddress, yours.StreetAddress),
        new("Postnummer", theirs.PostalCode, yours.PostalCode),
        new("Ort", theirs.City, yours.City),
        new("E-post", theirs.Email, yours.Email),
        new("Webbplats", theirs.Website, yours.Website),
    ]);

    private static string? Kind(string? kind) => LibraryKinds.TryParse(kind, out var k) ? k.Label() : kind;
}
