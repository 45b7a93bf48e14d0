using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.People;

/// <summary>A library as offered in a select, labelled with its municipality.</summary>
public record LibraryOption(int Id, string Name, string MunicipalityCode, string MunicipalityName, bool IsActive)
{
    public string Value => Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Active libraries by municipality and name, plus <paramref name="include"/> even when it is deactivated.</summary>
    /// <param name="editableBy">When given, only the libraries this user may put people in (plus <paramref name="include"/>).</param>
    public static Task<List<LibraryOption>> LoadAsync(AppDbContext db, int? include, UserScope? editableBy = null)
    {
        var editable = editableBy is null ? db.Libraries : DirectoryAccess.EditableLibraries(db.Libraries, editableBy);
        var editableIds = editable.Select(l => l.Id);
        return db.Libraries.AsNoTracking()
            .Where(l => (l.IsActive && editableIds.Contains(l.Id)) || l.Id == include)
            .OrderBy(l => l.Municipality!.Name).ThenBy(l => l.Name).ThenBy(l => l.Id)
            .Select(l => new LibraryOption(l.Id, l.Name, l.MunicipalityCode, l.Municipality!.Name, l.IsActive))
            .ToListAsync();
    }
}

public record PersonFieldsModel(PersonForm Form, IReadOnlyList<LibraryOption> Libraries)
{
    public string? Value(string field) => typeof(PersonForm).GetProperty(field)!.GetValue(Form) as string;

    public static async Task<PersonFieldsModel> LoadAsync(AppDbContext db, PersonForm form, UserScope scope, int? currentLibraryId = null) =>
        new(form, await LibraryOption.LoadAsync(db, currentLibraryId, scope));
}
