using Samverka.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Directory.People;

internal static class PersonSaving
{
    /// <summary>
    /// Saves, turning a unique-index violation (two people saved with the same e-mail address at the
    /// same moment, after both passed <see cref="PersonRules"/>) into a form error instead of a 500.
    /// </summary>
    public static async Task<bool> TrySaveAsync(AppDbContext db, PersonInput input, Dictionary<string, string> errors)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException e) when (PostgresErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            errors[nameof(input.Email)] = $"E-postadressen {PersonValidation.NormaliseEmail(input.Email)} används redan av en annan person.";
            return false;
        }
    }
}
