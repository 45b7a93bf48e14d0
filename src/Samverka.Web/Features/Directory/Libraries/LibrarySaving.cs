using Samverka.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Directory.Libraries;

/// <summary>
/// The database's last word on library names: the unique index on (municipality, lower(name)).
/// <see cref="LibraryRules"/> checks the name first, but two saves of the same name at the same moment
/// both pass that check; the second then hits the index, and every entry point (form, API, CSV import)
/// answers it with the same field error as the check instead of a 500.
/// </summary>
public static class LibrarySaving
{
    public const string UniqueNameIndex = "ix_libraries_municipality_code_name";

    public const string UniqueSigelIndex = "ix_libraries_sigel";

    public static string DuplicateSigelMessage(string sigel) => $"Sigeln {sigel} används redan av ett annat bibliotek.";

    public static string DuplicateNameMessage(string name) => $"Det finns redan ett bibliotek som heter {name.Trim()} i kommunen.";

    /// <summary>Whether the save failed on the unique library name (and nothing else).</summary>
    public static bool IsDuplicateName(Exception e) =>
        PostgresErrors.IsUniqueViolation(e, UniqueNameIndex);

    /// <summary>
    /// Saves; when another save took the name first, forgets the pending changes and returns the
    /// Name field's error (null when saved). Any other failure is left to the caller.
    /// </summary>
    public static async Task<Dictionary<string, string>?> TrySaveAsync(AppDbContext db, string name, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (IsDuplicateName(e))
        {
            db.ChangeTracker.Clear();
            return new() { [nameof(LibraryInput.Name)] = DuplicateNameMessage(name) };
        }
        catch (DbUpdateException e) when (PostgresErrors.IsUniqueViolation(e, UniqueSigelIndex))
        {
            db.ChangeTracker.Clear();
            return new() { [nameof(LibraryInput.Sigel)] = "Sigeln används redan av ett annat bibliotek." };
        }
    }
}
