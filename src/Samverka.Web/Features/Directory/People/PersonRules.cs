using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Directory.People;

/// <summary>
/// Validation that needs the database: the library must exist (and be active, unless the person
/// already belongs to it) and the e-mail address must not be used by another person, in any case.
/// </summary>
public static class PersonRules
{
    public static async Task<Dictionary<string, string>> ValidateAsync(AppDbContext db, PersonInput input, int? exceptId, CancellationToken ct = default)
    {
        var library = input.LibraryId is int libraryId
            ? await db.Libraries.AsNoTracking().Where(l => l.Id == libraryId).Select(l => new { l.Name, l.IsActive }).FirstOrDefaultAsync(ct)
            : null;
        var errors = PersonValidation.Validate(input, _ => library is not null);

        if (!errors.ContainsKey(nameof(input.LibraryId)) && library is { IsActive: false })
        {
            // Someone who already belongs to a deactivated library can still be edited; nobody new is added to it.
            var current = exceptId is null ? null
                : await db.People.AsNoTracking().Where(p => p.Id == exceptId).Select(p => (int?)p.LibraryId).FirstOrDefaultAsync(ct);
            if (current != input.LibraryId)
                errors[nameof(input.LibraryId)] = $"{library.Name} är avaktiverat. Välj ett aktivt bibliotek.";
        }

        if (!errors.ContainsKey(nameof(input.Email)))
        {
            var email = PersonValidation.NormaliseEmail(input.Email)!;
            // Across the installation (an address is unique everywhere), but without naming someone the user may not read.
            var other = await db.People.IgnoreQueryFilters().AsNoTracking()
                .Where(p => p.Email.ToLower() == email && p.Id != exceptId)
                .Select(p => new { p.Name, p.IsActive }).FirstOrDefaultAsync(ct);
            var visible = other is not null && await db.People.AnyAsync(p => p.Email.ToLower() == email && p.Id != exceptId, ct);
            if (other is not null && !visible)
                errors[nameof(input.Email)] = $"E-postadressen {email} används redan av en annan person.";
            else if (other is not null)
                errors[nameof(input.Email)] = other.IsActive
                    ? $"E-postadressen {email} används redan av {other.Name}."
                    : $"E-postadressen {email} används redan av {other.Name}, som är avaktiverad. Aktivera den personen igen i stället.";
        }
        return errors;
    }
}
