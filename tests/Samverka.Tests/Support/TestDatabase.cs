using Npgsql;

namespace Samverka.Tests.Support;

/// <summary>A fresh PostgreSQL database in the test cluster that ./test starts; dropped when disposed.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("SAMVERKA_TEST_PG")
        ?? throw new InvalidOperationException("SAMVERKA_TEST_PG is not set: run the tests with ./test, which starts the test cluster.");

    public string Name { get; }
    public string ConnectionString { get; }

    private TestDatabase(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = true }.ToString();
    }

    public static async Task<TestDatabase> CreateAsync(string purpose)
    {
        var name = $"samverka_test_{purpose}_{Guid.NewGuid():N}"[..50].ToLowerInvariant();
        await using var conn = new NpgsqlConnection(ServerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return new TestDatabase(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(ServerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
