using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Directory.Libraries;

/// <summary>Validation that needs the database: the municipality must exist and the name be unique within it.</summary>
public static class LibraryRules
{
    public static async Task<Dictionary<string, string>> ValidateAsync(AppDbContext db, LibraryInput input, int? exceptId, CancellationToken ct = default)
    {
        var code = input.MunicipalityCode?.Trim() ?? "";
        var exists = code.Length == 4 && await db.Municipalities.AnyAsync(m => m.Code == code, ct);
        var errors = LibraryValidation.Validate(input, _ => exists);
        if (errors.Count == 0)
        {
            var name = input.Name!.Trim();
            var duplicate = await db.Libraries.AnyAsync(l => l.MunicipalityCode == code && l.Name.ToLower() == name.ToLower() && l.Id != exceptId, ct);
            if (duplicate)
                errors[nameof(input.Name)] = LibrarySaving.DuplicateNameMessage(name);
            var sigel = input.Sigel?.Trim();
            if (!string.IsNullOrEmpty(sigel) && await db.Libraries.AnyAsync(l => l.Sigel == sigel && l.Id != exceptId, ct))
                errors[nameof(input.Sigel)] = LibrarySaving.DuplicateSigelMessage(sigel);
        }
        return errors;
    }
}
