using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Samverka.Web.Data;

/// <summary>
/// Applies the ordered SQL files in Data/Migrations at start-up. All pending files run in one
/// transaction under an advisory lock, so several instances starting together apply them once.
/// Each applied file is recorded with its SHA-256; an applied file that has since been edited
/// stops the start, because the schema would silently differ from the code.
/// With <paramref name="appRole"/> (the role requests run as, when migrations run as the owner) every
/// start then grants that role what it needs on every table, so tables of later migrations are covered.
/// </summary>
public class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger, string? appRole = null)
{
    // Arbitrary constant shared by every Samverka instance.
    private const long AdvisoryLockKey = 0x5A4D_5645_524B_41;

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Data", "Migrations");

    public async Task<IReadOnlyList<string>> ApplyAsync(string? directory = null, CancellationToken ct = default)
    {
        var files = Directory.GetFiles(directory ?? DefaultDirectory, "*.sql")
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Exec(conn, tx, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
        await Exec(conn, tx, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                id text PRIMARY KEY,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, ct);

        var applied = new Dictionary<string, string>();
        await using (var cmd = new NpgsqlCommand("SELECT id, checksum FROM schema_migrations", conn, tx))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) applied[r.GetString(0)] = r.GetString(1);

        var ran = new List<string>();
        foreach (var file in files)
        {
            var id = Path.GetFileName(file);
            var sql = await File.ReadAllTextAsync(file, ct);
            var checksum = Checksum(sql);
            if (applied.TryGetValue(id, out var recorded))
            {
                if (recorded != checksum)
                    throw new MigrationChecksumException(id, recorded, checksum);
                continue;
            }
            logger.LogInformation("Applying migration {Migration}", id);
            await Exec(conn, tx, sql, ct);
            await using var ins = new NpgsqlCommand("INSERT INTO schema_migrations (id, checksum) VALUES ($1, $2)", conn, tx);
            ins.Parameters.AddWithValue(id);
            ins.Parameters.AddWithValue(checksum);
            await ins.ExecuteNonQueryAsync(ct);
            ran.Add(id);
        }
        if (appRole is not null)
            await Exec(conn, tx, GrantsSql(appRole), ct);
        await tx.CommitAsync(ct);
        return ran;
    }

    /// <summary>
    /// Data rights only (no TRUNCATE, REFERENCES or TRIGGER, no CREATE in the schema): the role cannot
    /// change the schema, and only the owner can alter or drop triggers. The audit trail is append-only
    /// for it by rights, not only by its trigger; it never sees the migrations' own record. (CREATE in the
    /// schema is not PUBLIC's since PostgreSQL 15; ./run revokes it on older servers too.)
    /// </summary>
    public static string GrantsSql(string appRole)
    {
        var role = "\"" + appRole.Replace("\"", "\"\"") + "\"";
        return $"""
            REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role};
            GRANT USAGE ON SCHEMA public TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            REVOKE UPDATE, DELETE ON audit_events FROM {role};
            REVOKE ALL ON schema_migrations FROM {role};
            """;
    }

    /// <summary>Line endings are normalised so a checkout with CRLF does not count as an edit.</summary>
    public static string Checksum(string sql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.Replace("\r\n", "\n"))));

    private static async Task Exec(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

public class MigrationChecksumException(string id, string recorded, string actual) : Exception(
    $"Migration {id} has been edited after it was applied (recorded checksum {recorded[..12]}…, file now {actual[..12]}…). " +
    "Applied migrations must never change: restore the file and add a new migration instead.")
{
    public string MigrationId { get; } = id;
}
