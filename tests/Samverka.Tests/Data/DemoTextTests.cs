using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Samverka.Tests.Support;

namespace Samverka.Tests.Data;

/// <summary>Demo data names its sources as a person would ("Region Västmanlands verksamhetsberättelse 2019"), never as "seed 004".</summary>
[Collection(AppCollection.Name)]
public class DemoTextTests(SamverkaFactory app)
{
    [Fact]
    public async Task NoTextColumn_SaysSeed()
    {
        var columns = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && !e.IsOwned())
            .SelectMany(e => e.GetProperties().Where(p => p.ClrType == typeof(string))
                .Select(p => (Table: e.GetTableName()!, Column: p.GetColumnName(StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema())))))
            .Where(c => c.Column is not null).Distinct().ToList()));
        Assert.True(columns.Count > 50, $"only {columns.Count} text columns found");

        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Database = app.Database.Name }.ToString());
        await conn.OpenAsync();
        var hits = new List<string>();
        foreach (var (table, column) in columns)
        {
            await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" WHERE \"{column}\"::text ~* '\\mseeds?\\M'", conn);
            if ((long)(await cmd.ExecuteScalarAsync())! > 0) hits.Add($"{table}.{column}");
        }
        Assert.Empty(hits);
    }
}
