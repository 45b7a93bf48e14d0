using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Samverka.Tests.Support;
using Samverka.Web.Data;

namespace Samverka.Tests.Data;

/// <summary>
/// The app serves requests as a least-privilege role (TestDatabase.AppRole, as ./run's samverka_app):
/// data rights on its tables, append-only on the audit trail, no schema changes, not superuser. Every
/// other test through SamverkaFactory runs the app as this role, so those rights are enough.
/// </summary>
[Collection(AppCollection.Name)]
public class DatabaseRoleTests(SamverkaFactory app)
{
    private async Task<NpgsqlConnection> AsAppAsync()
    {
        var conn = new NpgsqlConnection(app.Database.AppConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    [Theory]
    [InlineData("ALTER TABLE audit_events DISABLE TRIGGER ALL")]
    [InlineData("DROP TRIGGER audit_events_no_update_or_delete ON audit_events")]
    [InlineData("DROP TABLE libraries")]
    [InlineData("ALTER TABLE libraries ADD COLUMN x int")]
    [InlineData("UPDATE audit_events SET summary = 'ändrad'")]
    [InlineData("DELETE FROM audit_events")]
    [InlineData("TRUNCATE audit_events")]
    [InlineData("TRUNCATE libraries CASCADE")]
    [InlineData("CREATE TABLE x (id int)")]
    [InlineData("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'")]
    [InlineData("DELETE FROM schema_migrations")]
    [InlineData("SELECT count(*) FROM schema_migrations")]
    public async Task AppRole_CannotChangeSchemaTriggersOrAuditTrail(string sql)
    {
        await using var conn = await AsAppAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        var error = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task AppRole_IsNoSuperuser_AndOnlyAppendsToTheAuditTrail()
    {
        await using var conn = await AsAppAsync();
        await using (var role = new NpgsqlCommand("SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user", conn))
        await using (var r = await role.ExecuteReaderAsync())
        {
            Assert.True(await r.ReadAsync());
            Assert.False(r.GetBoolean(0), "superuser");
            Assert.False(r.GetBoolean(1), "createrole");
            Assert.False(r.GetBoolean(2), "createdb");
            Assert.False(r.GetBoolean(3), "bypassrls");
        }
        await using (var owns = new NpgsqlCommand("SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)", conn))
            Assert.Equal(0L, await owns.ExecuteScalarAsync());
        await using (var rights = new NpgsqlCommand("""
            SELECT has_table_privilege('audit_events', 'INSERT'), has_table_privilege('audit_events', 'SELECT'),
                   has_table_privilege('audit_events', 'UPDATE'), has_table_privilege('audit_events', 'DELETE'),
                   has_table_privilege('libraries', 'UPDATE'), has_table_privilege('libraries', 'DELETE'),
                   has_schema_privilege('public', 'CREATE')
            """, conn))
        await using (var r = await rights.ExecuteReaderAsync())
        {
            Assert.True(await r.ReadAsync());
            Assert.Equal([true, true, false, false, true, true, false], Enumerable.Range(0, 7).Select(r.GetBoolean).ToArray());
        }
    }

    [Fact]
    public async Task Migrations_GrantTheAppRoleTablesOfLaterMigrationsToo()
    {
        await using var db = await TestDatabase.CreateAsync("grants");
        var dir = Directory.CreateTempSubdirectory("samverka-grants").FullName;
        try
        {
            await using var owner = NpgsqlDataSource.Create(db.OwnerConnectionString);
            var runner = new MigrationRunner(owner, NullLogger<MigrationRunner>.Instance, TestDatabase.AppRole);
            await File.WriteAllTextAsync(Path.Combine(dir, "0001_a.sql"),
                "CREATE TABLE audit_events (id bigint GENERATED ALWAYS AS IDENTITY, s text); CREATE TABLE a (id int GENERATED ALWAYS AS IDENTITY, s text);");
            await runner.ApplyAsync(dir);
            await File.WriteAllTextAsync(Path.Combine(dir, "0002_b.sql"), "CREATE TABLE b (id int GENERATED ALWAYS AS IDENTITY, s text);");
            await runner.ApplyAsync(dir);

            await using var appConn = new NpgsqlConnection(db.AppConnectionString);
            await appConn.OpenAsync();
            foreach (var table in new[] { "a", "b", "audit_events" })
            {
                await using var insert = new NpgsqlCommand($"INSERT INTO {table} (s) VALUES ('x'); SELECT count(*) FROM {table}", appConn);
                Assert.Equal(1L, await insert.ExecuteScalarAsync());
            }
            await using var update = new NpgsqlCommand("UPDATE b SET s = 'y'; DELETE FROM a", appConn);
            await update.ExecuteNonQueryAsync();
            await using var audit = new NpgsqlCommand("DELETE FROM audit_events", appConn);
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => audit.ExecuteNonQueryAsync())).SqlState);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }
}
