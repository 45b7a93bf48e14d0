using Npgsql;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// What a failed save tells about PostgreSQL's answer. Races on unique indexes (two people registering
/// the same person, two saves of the same name) are decided by the database; features recognise the
/// refusal here and answer in Swedish instead of failing.
/// </summary>
public static class PostgresErrors
{
    /// <summary>
    /// Whether <paramref name="e"/> (EF's <c>DbUpdateException</c> or Npgsql's own exception) is a unique
    /// violation, optionally of the named index only.
    /// </summary>
    public static bool IsUniqueViolation(Exception e, string? constraint = null) =>
        (e as PostgresException ?? e.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.UniqueViolation } pg
        && (constraint is null || pg.ConstraintName == constraint);
}
