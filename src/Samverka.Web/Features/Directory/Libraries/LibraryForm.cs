using Samverka.Web.Data;

namespace Samverka.Web.Features.Directory.Libraries;

/// <summary>What the create and edit forms post. Only these fields can be set from a form.</summary>
public class LibraryForm
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? StreetAddress { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? Sigel { get; set; }

    /// <summary>An emptied sigel field removes the sigel (model binding turns "" into null, which would keep it).</summary>
    public LibraryInput ToInput() => new(Name, Kind, MunicipalityCode, StreetAddress, PostalCode, City, Email, Website, Sigel: Sigel ?? "");

    public static LibraryForm From(Library l) => new()
    {
        Name = l.Name, Kind = l.Kind.ToString(), MunicipalityCode = l.MunicipalityCode, StreetAddress = l.StreetAddress,
        PostalCode = l.PostalCode, City = l.City, Email = l.Email, Website = l.Website, Sigel = l.Sigel,
    };
}
