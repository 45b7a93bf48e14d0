using Npgsql;
using Samverka.Tests.Support;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Infrastructure;

/// <summary>The one recognition of PostgreSQL's unique-violation answer, against a real server.</summary>
public class PostgresErrorsTests
{
    [Fact]
    public async Task RecognisesUniqueViolation_ByIndexName()
    {
        await using var db = await TestDatabase.CreateAsync("pgerr");
        await using var conn = new NpgsqlConnection(db.ConnectionString);
        await conn.OpenAsync();
        await Exec(conn, "CREATE TABLE t (a int, b int); CREATE UNIQUE INDEX ix_t_a ON t (a); INSERT INTO t VALUES (1, 1);");

        var unique = await Assert.ThrowsAsync<PostgresException>(() => Exec(conn, "INSERT INTO t VALUES (1, 2)"));
        Assert.True(PostgresErrors.IsUniqueViolation(unique));
        Assert.True(PostgresErrors.IsUniqueViolation(unique, "ix_t_a"));
        Assert.False(PostgresErrors.IsUniqueViolation(unique, "ix_other"));
        // As EF wraps it.
        Assert.True(PostgresErrors.IsUniqueViolation(new Microsoft.EntityFrameworkCore.DbUpdateException("save", unique), "ix_t_a"));

        var other = await Assert.ThrowsAsync<PostgresException>(() => Exec(conn, "INSERT INTO t VALUES ('x', 2)"));
        Assert.False(PostgresErrors.IsUniqueViolation(other));
        Assert.False(PostgresErrors.IsUniqueViolation(new InvalidOperationException("no database")));
    }

    private static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
