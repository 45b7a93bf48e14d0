using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Samverka.Tests.Support;
using Samverka.Web.Data;

namespace Samverka.Tests.Data;

public class MigrationRunnerTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private readonly string _dir = Directory.CreateTempSubdirectory("samverka-migrations").FullName;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync("migr");

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_dir, true);
    }

    private MigrationRunner Runner(NpgsqlDataSource ds) => new(ds, NullLogger<MigrationRunner>.Instance);

    [Fact]
    public async Task Apply_Twice_RunsEachFileOnce()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "0001_a.sql"), "CREATE TABLE a (id int);");
        await File.WriteAllTextAsync(Path.Combine(_dir, "0002_b.sql"), "INSERT INTO a VALUES (1);");
        await using var ds = NpgsqlDataSource.Create(_db.ConnectionString);

        var first = await Runner(ds).ApplyAsync(_dir);
        var second = await Runner(ds).ApplyAsync(_dir);

        Assert.Equal(["0001_a.sql", "0002_b.sql"], first);
        Assert.Empty(second);
        await using var cmd = ds.CreateCommand("SELECT count(*) FROM a");
        Assert.Equal(1L, await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Apply_EditedAppliedFile_IsRefusedAndChangesNothing()
    {
        var file = Path.Combine(_dir, "0001_a.sql");
        await File.WriteAllTextAsync(file, "CREATE TABLE a (id int);");
        await using var ds = NpgsqlDataSource.Create(_db.ConnectionString);
        await Runner(ds).ApplyAsync(_dir);

        await File.WriteAllTextAsync(file, "CREATE TABLE a (id int, name text);");
        await File.WriteAllTextAsync(Path.Combine(_dir, "0002_b.sql"), "CREATE TABLE b (id int);");
        var ex = await Assert.ThrowsAsync<MigrationChecksumException>(() => Runner(ds).ApplyAsync(_dir));

        Assert.Equal("0001_a.sql", ex.MigrationId);
        Assert.Contains("edited after it was applied", ex.Message);
        await using var cmd = ds.CreateCommand("SELECT count(*) FROM information_schema.tables WHERE table_name = 'b'");
        Assert.Equal(0L, await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Apply_FailingFile_RollsBackEverything()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "0001_a.sql"), "CREATE TABLE a (id int);");
        await File.WriteAllTextAsync(Path.Combine(_dir, "0002_bad.sql"), "CREATE TABLE oops (;");
        await using var ds = NpgsqlDataSource.Create(_db.ConnectionString);

        await Assert.ThrowsAsync<PostgresException>(() => Runner(ds).ApplyAsync(_dir));

        await using var cmd = ds.CreateCommand("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('a', 'schema_migrations')");
        Assert.Equal(0L, await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Apply_ConcurrentStarts_ApplyOnce()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "0001_a.sql"), "CREATE TABLE a (id int); INSERT INTO a VALUES (1);");
        await using var ds = NpgsqlDataSource.Create(_db.ConnectionString);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Runner(ds).ApplyAsync(_dir)));

        Assert.Equal(1, results.Count(r => r.Count == 1));
        await using var cmd = ds.CreateCommand("SELECT count(*) FROM a");
        Assert.Equal(1L, await cmd.ExecuteScalarAsync());
    }
}
