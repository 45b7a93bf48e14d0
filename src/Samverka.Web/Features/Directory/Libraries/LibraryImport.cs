using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.Libraries;

public record ImportResult(List<ImportError> Errors, int Created, int Updated, int Unchanged)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports libraries from CSV. The whole file is validated first with the same rules as the form;
/// if any row is wrong nothing is stored. Rows are matched on municipality code + name (any case),
/// so importing the same file again changes nothing.
/// </summary>
public static class LibraryImport
{
    /// <summary>Canonical column (as in the export) → accepted spellings.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["namn"] = ["namn", "bibliotek", "name"],
        ["typ"] = ["typ", "bibliotekstyp", "kind"],
        ["kommunkod"] = ["kommunkod", "kommun-kod", "kod", "municipality_code"],
        ["adress"] = ["adress", "gatuadress", "besöksadress"],
        ["postnummer"] = ["postnummer", "postnr"],
        ["ort"] = ["ort", "postort"],
        ["e-post"] = ["e-post", "epost", "e-postadress", "email", "mejl"],
        ["webb"] = ["webb", "webbplats", "webbadress", "hemsida", "url"],
        ["sigel"] = ["sigel", "bibliotekskod"],
    };

    private static readonly string[] Required = ["namn", "typ", "kommunkod"];

    private static readonly Dictionary<string, string> ColumnOfField = new()
    {
        [nameof(LibraryInput.Name)] = "namn", [nameof(LibraryInput.Kind)] = "typ",
        [nameof(LibraryInput.MunicipalityCode)] = "kommunkod", [nameof(LibraryInput.StreetAddress)] = "adress",
        [nameof(LibraryInput.PostalCode)] = "postnummer", [nameof(LibraryInput.City)] = "ort",
        [nameof(LibraryInput.Email)] = "e-post", [nameof(LibraryInput.Website)] = "webb", [nameof(LibraryInput.Sigel)] = "sigel",
    };

    /// <param name="scope">Whose import: a row for a municipality outside their organisations is an error on that row.</param>
    public static async Task<ImportResult> ImportAsync(AppDbContext db, byte[] file, UserScope scope, CancellationToken ct = default)
    {
        var sheet = CsvImportReader.Read(file, Columns, Required);
        if (sheet.Errors.Count > 0) return new(sheet.Errors, 0, 0, 0);

        var municipalities = await db.Municipalities.ToDictionaryAsync(m => m.Code, m => m.CountyCode, ct);
        var existing = (await db.Libraries.ToListAsync(ct)).ToDictionary(l => Key(l.MunicipalityCode, l.Name));
        var errors = new List<ImportError>();
        var seen = new Dictionary<string, int>();
        var sigels = new Dictionary<string, int>();
        var existingSigels = existing.Values.Where(l => l.Sigel is not null).ToDictionary(l => l.Sigel!, l => Key(l.MunicipalityCode, l.Name));
        var valid = new List<(int Line, LibraryInput Input)>();

        foreach (var row in sheet.Rows)
        {
            var input = new LibraryInput(row["namn"], row["typ"], row["kommunkod"], row["adress"], row["postnummer"], row["ort"], row["e-post"], row["webb"], Sigel: row["sigel"]);
            var rowErrors = LibraryValidation.Validate(input, municipalities.ContainsKey);
            var code = input.MunicipalityCode?.Trim() ?? "";
            if (!rowErrors.ContainsKey(nameof(LibraryInput.MunicipalityCode)) && municipalities.TryGetValue(code, out var county)
                && !DirectoryAccess.CanEditLibrary(scope, code, county))
                rowErrors[nameof(LibraryInput.MunicipalityCode)] = DirectoryAccess.LibraryDenied(code);
            foreach (var (field, message) in rowErrors)
                errors.Add(new(row.Line, ColumnOfField[field], message, row[ColumnOfField[field]]));
            if (rowErrors.Count > 0) continue;
            var key = Key(input.MunicipalityCode!.Trim(), input.Name!.Trim());
            if (seen.TryGetValue(key, out var firstLine))
            {
                errors.Add(new(row.Line, "namn", $"Samma bibliotek finns redan på rad {firstLine} i filen.", row["namn"]));
                continue;
            }
            seen[key] = row.Line;
            // A sigel belongs to one library: in the file and in the directory.
            if (Libraries.LibraryValidation.Clean(input.Sigel) is { } sigel)
            {
                if (sigels.TryGetValue(sigel, out var sigelLine))
                {
                    errors.Add(new(row.Line, "sigel", $"Sigeln {sigel} finns redan på rad {sigelLine} i filen.", row["sigel"]));
                    continue;
                }
                sigels[sigel] = row.Line;
                if (existingSigels.TryGetValue(sigel, out var owner) && owner != key)
                {
                    errors.Add(new(row.Line, "sigel", LibrarySaving.DuplicateSigelMessage(sigel), row["sigel"]));
                    continue;
                }
            }
            valid.Add((row.Line, input));
        }
        if (errors.Count > 0) return new(errors, 0, 0, 0);

        int created = 0, updated = 0, unchanged = 0;
        var now = DateTimeOffset.UtcNow;
        var createdRows = new List<(int Line, string Key, string Name)>();
        foreach (var (line, input) in valid)
        {
            var key = Key(input.MunicipalityCode!.Trim(), input.Name!.Trim());
            if (!existing.TryGetValue(key, out var library))
            {
                library = new Library { Name = "", MunicipalityCode = "", CreatedAt = now, UpdatedAt = now };
                LibraryValidation.Apply(input, library);
                db.Libraries.Add(library);
                createdRows.Add((line, key, library.Name));
                created++;
                continue;
            }
            LibraryValidation.Apply(input, library);
            if (db.Entry(library).Properties.Any(p => p.IsModified))
            {
                library.UpdatedAt = now;
                updated++;
            }
            else unchanged++;
        }
        // One SaveChanges: EF wraps it in a single transaction, so the file lands whole or not at all.
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (LibrarySaving.IsDuplicateName(e))
        {
            // Someone saved a library of the same name since the file was checked: nothing was
            // stored; say which rows now collide, as the check would have.
            db.ChangeTracker.Clear();
            var taken = (await db.Libraries.AsNoTracking().Select(l => new { l.MunicipalityCode, l.Name }).ToListAsync(ct))
                .Select(l => Key(l.MunicipalityCode, l.Name)).ToHashSet();
            var collisions = createdRows.Where(r => taken.Contains(r.Key)).ToList();
            if (collisions.Count == 0) throw;
            return new([.. collisions.Select(r => new ImportError(r.Line, "namn", LibrarySaving.DuplicateNameMessage(r.Name), r.Name))], 0, 0, 0);
        }
        return new([], created, updated, unchanged);
    }

    private static string Key(string municipalityCode, string name) => municipalityCode + "\u0001" + name.ToLowerInvariant();
}
