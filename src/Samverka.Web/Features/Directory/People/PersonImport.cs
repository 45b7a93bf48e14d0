using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory.Libraries;

namespace Samverka.Web.Features.Directory.People;

/// <summary>
/// Imports people from CSV with the same rules as the form. The organisation is named as in the
/// export: municipality code + library name. A person is matched on e-mail (any case), so
/// importing the same file again changes nothing. Any bad row means nothing is stored.
/// </summary>
public static class PersonImport
{
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["namn"] = ["namn", "name"],
        ["e-post"] = ["e-post", "epost", "e-postadress", "email", "mejl"],
        ["kommunkod"] = ["kommunkod", "kommun-kod", "kod", "municipality_code"],
        ["organisation"] = ["organisation", "bibliotek", "arbetsplats"],
        ["roll"] = ["roll", "titel", "befattning", "roll/titel"],
    };

    private static readonly string[] Required = ["namn", "e-post", "kommunkod", "organisation"];

    private static readonly Dictionary<string, string> ColumnOfField = new()
    {
        [nameof(PersonInput.Name)] = "namn", [nameof(PersonInput.Email)] = "e-post",
        [nameof(PersonInput.LibraryId)] = "organisation", [nameof(PersonInput.RoleTitle)] = "roll",
    };

    /// <param name="scope">Whose import: rows may only add or change people in libraries the user may edit.</param>
    public static async Task<ImportResult> ImportAsync(AppDbContext db, byte[] file, UserScope scope, CancellationToken ct = default)
    {
        var sheet = CsvImportReader.Read(file, Columns, Required);
        if (sheet.Errors.Count > 0) return new(sheet.Errors, 0, 0, 0);

        var libraries = await db.Libraries.AsNoTracking()
            .Select(l => new { l.Id, l.Name, l.MunicipalityCode, l.Municipality!.CountyCode, l.IsActive }).ToListAsync(ct);
        var editable = libraries.Where(l => DirectoryAccess.CanEditLibrary(scope, l.MunicipalityCode, l.CountyCode)).Select(l => l.Id).ToHashSet();
        var libraryByKey = libraries.ToDictionary(l => l.MunicipalityCode + "\u0001" + l.Name.ToLowerInvariant());
        var municipalities = (await db.Municipalities.Select(m => m.Code).ToListAsync(ct)).ToHashSet();
        // Everyone, not only the people the user may see: an e-mail address is unique across the installation.
        var existing = (await db.People.IgnoreQueryFilters().ToListAsync(ct)).ToDictionary(p => p.Email.ToLowerInvariant());

        var errors = new List<ImportError>();
        var seen = new Dictionary<string, int>();
        var valid = new List<PersonInput>();
        foreach (var row in sheet.Rows)
        {
            var code = row["kommunkod"] ?? "";
            var org = row["organisation"] ?? "";
            int? libraryId = null;
            if (!municipalities.Contains(code))
                errors.Add(new(row.Line, "kommunkod", code.Length == 0 ? "Ange kommunkod för organisationen." : $"Okänd kommunkod {code}.", row["kommunkod"]));
            else if (!libraryByKey.TryGetValue(code + "\u0001" + org.ToLowerInvariant(), out var library))
                errors.Add(new(row.Line, "organisation", org.Length == 0 ? "Ange organisation (bibliotekets namn)." : $"Det finns inget bibliotek som heter {org} i kommun {code}.", row["organisation"]));
            else if (!library.IsActive && !(existing.TryGetValue(PersonValidation.NormaliseEmail(row["e-post"]) ?? "", out var p) && p.LibraryId == library.Id))
                errors.Add(new(row.Line, "organisation", $"{library.Name} är avaktiverat. Välj ett aktivt bibliotek.", row["organisation"]));
            else if (!editable.Contains(library.Id))
                errors.Add(new(row.Line, "kommunkod", DirectoryAccess.PersonDenied(code), row["kommunkod"]));
            else libraryId = library.Id;
            if (existing.TryGetValue(PersonValidation.NormaliseEmail(row["e-post"]) ?? "", out var other) && !editable.Contains(other.LibraryId))
            {
                // Not the person's name: the user may not read them.
                errors.Add(new(row.Line, "e-post", "E-postadressen används redan av en person som du inte får ändra.", row["e-post"]));
                libraryId = null;
            }

            var input = new PersonInput(row["namn"], row["e-post"], libraryId, row["roll"]);
            var rowErrors = PersonValidation.Validate(input, _ => true);
            rowErrors.Remove(nameof(PersonInput.LibraryId)); // already reported above, in the file's own terms
            foreach (var (field, message) in rowErrors)
                errors.Add(new(row.Line, ColumnOfField[field], message, row[ColumnOfField[field]]));
            if (rowErrors.Count > 0 || libraryId is null) continue;

            var email = PersonValidation.NormaliseEmail(input.Email)!;
            if (seen.TryGetValue(email, out var firstLine))
            {
                errors.Add(new(row.Line, "e-post", $"Samma e-postadress finns redan på rad {firstLine} i filen.", row["e-post"]));
                continue;
            }
            seen[email] = row.Line;
            valid.Add(input);
        }
        if (errors.Count > 0) return new(errors, 0, 0, 0);

        int created = 0, updated = 0, unchanged = 0;
        var now = DateTimeOffset.UtcNow;
        foreach (var input in valid)
        {
            if (!existing.TryGetValue(PersonValidation.NormaliseEmail(input.Email)!, out var person))
            {
                person = new Person { Name = "", Email = "", CreatedAt = now, UpdatedAt = now };
                PersonValidation.Apply(input, person);
                db.People.Add(person);
                created++;
                continue;
            }
            PersonValidation.Apply(input, person);
            if (db.Entry(person).Properties.Any(p => p.IsModified))
            {
                person.UpdatedAt = now;
                updated++;
            }
            else unchanged++;
        }
        await db.SaveChangesAsync(ct); // one transaction: the file lands whole or not at all
        return new([], created, updated, unchanged);
    }
}
