using System.Globalization;
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
}
