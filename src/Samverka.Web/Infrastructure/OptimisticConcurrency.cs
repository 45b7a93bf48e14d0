using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// Optimistic concurrency on PostgreSQL's xmin (mapped as <c>Version</c> on libraries and people).
/// The form, or the API client, sends back the version it was shown; the UPDATE then only matches
/// when the row still has that version, and EF throws <see cref="DbUpdateConcurrencyException"/> otherwise.
/// </summary>
public static class OptimisticConcurrency
{
    /// <summary>
    /// Compare the save with <paramref name="version"/> (what the user saw) instead of the version just
    /// loaded. Without a version (a script that never read one) the row's current version is used.
    /// </summary>
    public static void Expect<T>(DbContext db, T entity, uint? version) where T : class
    {
        if (version is uint v) db.Entry(entity).Property("Version").OriginalValue = v;
    }

    /// <summary>An If-Match header as sent back from an ETag: "123", W/"123" or 123. Null when absent or unreadable.</summary>
    public static uint? ParseIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        var s = header.Trim();
        if (s.StartsWith("W/", StringComparison.Ordinal)) s = s[2..];
        s = s.Trim('"');
        return uint.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    public static string ETag(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Saves; false when someone else saved the row first. Then nothing was stored and the pending changes
    /// are forgotten, so the caller can reload what is stored now and show it beside the user's version.
    /// </summary>
    public static Task<bool> TrySaveAsync(DbContext db, CancellationToken ct = default) =>
        TrySaveAsync(db, () => db.SaveChangesAsync(ct));

    /// <summary>As <see cref="TrySaveAsync(DbContext, CancellationToken)"/> for a save that does more (a transaction, a unique-name check).</summary>
    public static async Task<bool> TrySaveAsync(DbContext db, Func<Task> save) =>
        !(await SaveAsync(db, async () => { await save(); return true; })).Stale;

    /// <summary>As <see cref="TrySaveAsync(DbContext, Func{Task})"/> for a save with an answer of its own.</summary>
    public static async Task<StaleOr<T>> SaveAsync<T>(DbContext db, Func<Task<T>> save)
    {
        try { return new(false, await save()); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(true, default!);
        }
    }

    /// <summary>
    /// The page side of a refused stale save: the Swedish explanation, 409, and the form carrying the stored
    /// version (not the posted one) so that saving again is a deliberate choice.
    /// </summary>
    public static void RefuseStale<TPage>(this TPage page, string message, uint? storedVersion) where TPage : PageModel, IVersionedForm
    {
        page.ModelState.AddModelError("", message);
        if (storedVersion is not null)
        {
            page.Version = storedVersion;
            page.ModelState.Remove(nameof(IVersionedForm.Version));
        }
        page.Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict;
    }
}

/// <summary>The outcome of a save that may be refused as stale: <see cref="Value"/> is the save's own answer when it went through.</summary>
public readonly record struct StaleOr<T>(bool Stale, T Value);

/// <summary>A page whose form carries the row version it was shown (a hidden field).</summary>
public interface IVersionedForm
{
    uint? Version { get; set; }
}
