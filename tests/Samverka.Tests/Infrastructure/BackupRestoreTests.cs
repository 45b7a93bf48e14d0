using System.Diagnostics;
using Npgsql;
using Samverka.Tests.Support;
using Xunit.Abstractions;

namespace Samverka.Tests.Infrastructure;

/// <summary>A database of its own (demo data loaded, nothing else writing), so its counts hold still during the drill.</summary>
public sealed class BackupFactory : SamverkaFactory
{
    protected override string Purpose => "backup";
}

/// <summary>
/// The restore drill: the real scripts/backup.sh backs up a filled database and restores the file into a
/// new one; every table's row count and every audit row must come back, and the restored trail is still
/// append-only. Prints the backup's size and the restore's time.
/// </summary>
public class BackupRestoreTests(BackupFactory app, ITestOutputHelper output) : IClassFixture<BackupFactory>
{
    [Fact]
    public async Task Drill_BackupThenRestoreIntoNewDatabase_KeepsEveryRowAndTheAuditTrail()
    {
        var source = app.Database.ConnectionString;
        var before = await SnapshotAsync(source);
        Assert.True(before.Counts["audit_events"] > 0 && before.Counts["libraries"] > 0, "the demo data is loaded");
        var file = Path.Combine(Path.GetTempPath(), $"samverka-drill-{Guid.NewGuid():N}.dump");
        await using var target = await TestDatabase.CreateAsync("restore");
        try
        {
            var backup = Stopwatch.StartNew();
            var (code, log) = await ScriptAsync(source, "backup", file);
            backup.Stop();
            Assert.True(code == 0, log);
            var size = new FileInfo(file).Length;

            // Restoring into a non-empty database is refused, and nothing changes there.
            var (refused, refusal) = await ScriptAsync(source, "restore", file, "--yes");
            Assert.NotEqual(0, refused);
            Assert.Contains("är inte tom", refusal);
            // Without --yes and without "JA" on standard input nothing is restored.
            var (declined, decline) = await ScriptAsync(target.ConnectionString, "restore", file);
            Assert.NotEqual(0, declined);
            Assert.Contains("Skriv JA", decline);

            var restore = Stopwatch.StartNew();
            (code, log) = await ScriptAsync(target.ConnectionString, "restore", file, "--yes");
            restore.Stop();
            Assert.True(code == 0, log);

            var after = await SnapshotAsync(source);
            var restored = await SnapshotAsync(target.ConnectionString);
            Assert.Equal(before.Counts, after.Counts); // nothing wrote to the source during the drill
            Assert.Equal(before.Counts, restored.Counts);
            Assert.Equal(before.AuditDigest, restored.AuditDigest);
            await AssertAuditTrailAppendOnlyAsync(target.ConnectionString, restored.Counts["audit_events"]);

            output.WriteLine($"Backup: {size:N0} bytes ({size / 1024.0:0.0} KiB) in {backup.Elapsed.TotalSeconds:0.00} s; " +
                $"restore into a new database: {restore.Elapsed.TotalSeconds:0.00} s; {before.Counts.Count} tables, " +
                $"{before.Counts.Values.Sum():N0} rows, {before.Counts["audit_events"]:N0} audit rows.");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed record Snapshot(SortedDictionary<string, long> Counts, string AuditDigest);

    /// <summary>Exact row counts of every table, and a SHA-256 digest of every audit row in id order (all columns).</summary>
    private static async Task<Snapshot> SnapshotAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT table_schema || '.' || table_name FROM information_schema.tables " +
            "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1", conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var t in tables)
        {
            var parts = t.Split('.');
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{parts[0]}\".\"{parts[1]}\"", conn);
            counts[parts[0] == "public" ? parts[1] : t] = (long)(await count.ExecuteScalarAsync())!;
        }
        await using var digest = new NpgsqlCommand("SET TIME ZONE 'UTC'; SELECT encode(sha256(convert_to(coalesce(string_agg(a::text, E'\\n' ORDER BY a.id), ''), 'UTF8')), 'hex') FROM audit_events a", conn);
        return new Snapshot(counts, (string)(await digest.ExecuteScalarAsync())!);
    }

    /// <summary>The restored trail keeps its trigger (no UPDATE) and its identity (the next row follows the last).</summary>
    private static async Task AssertAuditTrailAppendOnlyAsync(string connectionString, long rows)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE audit_events SET summary = 'ändrad'", conn);
        await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        await using var insert = new NpgsqlCommand("INSERT INTO audit_events (action, summary) VALUES ('test', 'efter återställning') RETURNING id", conn);
        var id = (long)(await insert.ExecuteScalarAsync())!;
        await using var max = new NpgsqlCommand("SELECT max(id) FROM audit_events WHERE action <> 'test'", conn);
        Assert.True(id > (long)(await max.ExecuteScalarAsync())!, $"new id {id} after {rows} restored rows");
    }

    /// <summary>Runs scripts/backup.sh with ConnectionStrings__Default set, standard input closed (no "JA").</summary>
    private static async Task<(int Code, string Log)> ScriptAsync(string connectionString, params string[] args)
    {
        var script = Path.Combine(Samverka.Tests.Browser.BrowserFixture.RepositoryRoot(), "scripts", "backup.sh");
        var start = new ProcessStartInfo("bash", [script, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        start.Environment["ConnectionStrings__Default"] = connectionString;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
