using Npgsql;

namespace Samverka.Tests.Support;

/// <summary>
/// A fresh PostgreSQL database in the test cluster that ./test starts; dropped when disposed. It is
/// owned by <see cref="OwnerRole"/> (who runs the migrations) and served as <see cref="AppRole"/>, as ./run
/// does: every test through <see cref="SamverkaFactory"/> proves the app works with the app role's rights.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Shared by every test database of the cluster (rights are per database); neither is superuser.</summary>
    public const string OwnerRole = "samverka_test_owner";
    public const string AppRole = "samverka_test_app";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("SAMVERKA_TEST_PG")
        ?? throw new InvalidOperationException("SAMVERKA_TEST_PG is not set: run the tests with ./test, which starts the test cluster.");

    public string Name { get; }
    /// <summary>As the cluster's superuser: for tests that look at the database from outside the app.</summary>
    public string ConnectionString { get; }
    /// <summary>As the owner of the database and its schema objects: the migrations' connection.</summary>
    public string OwnerConnectionString => As(OwnerRole);
    /// <summary>As the least-privilege role requests run as.</summary>
    public string AppConnectionString => As(AppRole);

    private TestDatabase(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = true }.ToString();
    }

    private string As(string role) => new NpgsqlConnectionStringBuilder(ConnectionString) { Username = role, Password = null }.ToString();

    public static async Task<TestDatabase> CreateAsync(string purpose)
    {
        var name = $"samverka_test_{purpose}_{Guid.NewGuid():N}"[..50].ToLowerInvariant();
        await using var conn = new NpgsqlConnection(ServerConnectionString);
        await conn.OpenAsync();
        await EnsureRoleAsync(conn, OwnerRole);
        await EnsureRoleAsync(conn, AppRole);
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" OWNER {OwnerRole}", conn);
        await cmd.ExecuteNonQueryAsync();
        return new TestDatabase(name);
    }

    /// <summary>Test classes run in parallel: another may create the role between the check and the CREATE.</summary>
    private static async Task EnsureRoleAsync(NpgsqlConnection conn, string role)
    {
        try
        {
            await using var cmd = new NpgsqlCommand($"""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN
                        CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
                    END IF;
                END $$
                """, conn);
            await cmd.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation) { }
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
