using System.Globalization;
using CsvHelper;
using Npgsql;

namespace Samverka.Web.Data;

/// <summary>
/// Loads counties and municipalities from the CSV files shipped in Data/Reference (copied from
/// shared/data, see SOURCES.md there). Upserts by code, so a file with a new population year
/// updates the rows and running it again changes nothing.
/// </summary>
public static class ReferenceData
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Data", "Reference");

    public static async Task LoadAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        var counties = ReadCsv(Path.Combine(Directory, "counties.csv"));
        var municipalities = ReadCsv(Path.Combine(Directory, "municipalities.csv"));

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var c in counties)
        {
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO counties (code, name, short_name, regional_body, population, population_year, population2019)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,
                    regional_body = excluded.regional_body, population = excluded.population,
                    population_year = excluded.population_year, population2019 = excluded.population2019
                WHERE (counties.name, counties.short_name, counties.regional_body, counties.population, counties.population_year, counties.population2019)
                   IS DISTINCT FROM (excluded.name, excluded.short_name, excluded.regional_body, excluded.population, excluded.population_year, excluded.population2019)
                """, conn, tx);
            cmd.Parameters.AddWithValue(c["code"]);
            cmd.Parameters.AddWithValue(c["name"]);
            cmd.Parameters.AddWithValue(c["name_short"]);
            cmd.Parameters.AddWithValue(c["regional_body"]);
            cmd.Parameters.AddWithValue(Int(c["population"]));
            cmd.Parameters.AddWithValue(Int(c["population_year"]));
            cmd.Parameters.AddWithValue(Int(c["population_2019"]));
            await cmd.ExecuteNonQueryAsync(ct);
        }
        foreach (var m in municipalities)
        {
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO municipalities (code, name, county_code, population, population_year, population2019)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, county_code = excluded.county_code,
                    population = excluded.population, population_year = excluded.population_year,
                    population2019 = excluded.population2019
                WHERE (municipalities.name, municipalities.county_code, municipalities.population, municipalities.population_year, municipalities.population2019)
                   IS DISTINCT FROM (excluded.name, excluded.county_code, excluded.population, excluded.population_year, excluded.population2019)
                """, conn, tx);
            cmd.Parameters.AddWithValue(m["code"]);
            cmd.Parameters.AddWithValue(m["name"]);
            cmd.Parameters.AddWithValue(m["county_code"]);
            cmd.Parameters.AddWithValue(Int(m["population"]));
            cmd.Parameters.AddWithValue(Int(m["population_year"]));
            cmd.Parameters.AddWithValue(Int(m["population_2019"]));
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The shipped files are comma-separated UTF-8 with a header row (see SOURCES.md).</summary>
    internal static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',' });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
            rows.Add(reader.Headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => reader.GetString(x.i)));
        return rows;
    }
}
