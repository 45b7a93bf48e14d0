using System.Globalization;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Directory.People;

/// <summary>What the create and edit forms post. Only these fields can be set from a form.</summary>
public class PersonForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    /// <summary>Text, so that a tampered value gets the Swedish "choose a library" message instead of a binder error.</summary>
    public string? LibraryId { get; set; }
    public string? RoleTitle { get; set; }

    public PersonInput ToInput() => new(Name, Email,
        int.TryParse(LibraryId?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null, RoleTitle);

    public static PersonForm From(Person p) => new()
    {
        Name = p.Name, Email = p.Email, LibraryId = p.LibraryId.ToString(CultureInfo.InvariantCulture), RoleTitle = p.RoleTitle,
    };
}
